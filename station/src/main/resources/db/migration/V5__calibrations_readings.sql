-- Calibration curves: the standards are stored and the line refitted on reading, so a result
-- always follows from the stored inputs and the documented formulas.
CREATE TABLE calibration (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    method          VARCHAR(32)  NOT NULL,
    standards_json  CLOB         NOT NULL,
    created_ms      BIGINT       NOT NULL
);

-- What the operator measured off-line for a step of a run; FE and yield are computed from it.
CREATE TABLE sample_reading (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id        BIGINT  NOT NULL,
    step_number   INT     NOT NULL,
    reading_json  CLOB    NOT NULL,
    created_ms    BIGINT  NOT NULL
);
CREATE INDEX sample_reading_run ON sample_reading (run_id, id);
