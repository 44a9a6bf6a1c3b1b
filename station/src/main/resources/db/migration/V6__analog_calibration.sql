-- Two-point calibrations of the Pi4J backend's analog paths (cell voltage, cell current, WE
-- potential), true = gain * nominal + offset_value. Rows are only added: the latest row of a
-- (channel, path) is the one used at start, the older ones say what earlier runs were measured with.
CREATE TABLE analog_calibration (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    channel_id   VARCHAR(64)      NOT NULL,
    path         VARCHAR(16)      NOT NULL,
    gain         DOUBLE PRECISION NOT NULL,
    offset_value DOUBLE PRECISION NOT NULL,
    points_json  CLOB             NOT NULL,
    created_ms   BIGINT           NOT NULL
);
CREATE INDEX analog_calibration_path ON analog_calibration (channel_id, path, id);
