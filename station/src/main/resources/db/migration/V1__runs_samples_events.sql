-- One row per run: what was asked, on which cell, with what software and hardware.
CREATE TABLE run (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_id         VARCHAR(32)   NOT NULL,
    state              VARCHAR(24)   NOT NULL,
    protocol_text      CLOB          NOT NULL,
    cell_json          CLOB          NOT NULL,
    hardware_json      CLOB          NOT NULL,
    software_version   VARCHAR(64)   NOT NULL,
    notes              CLOB,
    created_ms         BIGINT        NOT NULL,
    started_ms         BIGINT,
    ended_ms           BIGINT,
    end_reason         VARCHAR(1000),
    -- The engine state after the last committed sample, written in the same transaction as that sample.
    engine_state       CLOB,
    samples_stored     BIGINT        NOT NULL DEFAULT 0,
    last_sample_ms     BIGINT
);
CREATE INDEX run_channel_state ON run (channel_id, state);

-- Every recorded sample, SI units; current positive when anodic at the working / positive electrode.
CREATE TABLE sample (
    run_id        BIGINT       NOT NULL,
    seq           BIGINT       NOT NULL,
    t_ms          BIGINT       NOT NULL,
    voltage_v     DOUBLE PRECISION NOT NULL,
    current_a     DOUBLE PRECISION NOT NULL,
    we_potential_v DOUBLE PRECISION,
    temperature_c DOUBLE PRECISION,
    cycle         INT          NOT NULL,
    step_number   INT          NOT NULL,
    step_index    INT          NOT NULL,
    step_type     VARCHAR(24)  NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- The run's history: start, step changes, prompts and answers, faults, restarts.
CREATE TABLE run_event (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    run_id   BIGINT        NOT NULL,
    t_ms     BIGINT        NOT NULL,
    kind     VARCHAR(32)   NOT NULL,
    message  VARCHAR(4000) NOT NULL
);
CREATE INDEX run_event_run ON run_event (run_id, id);
