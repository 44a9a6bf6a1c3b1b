-- Replication into the lab's central PostgreSQL (station.lab.db.url, docs/lab.md): for each stream of rows
-- with an id (run_event, calibration, sample_reading), the id up to which the central database has committed
-- every row. Kept per central database (lab_database.id there), so a new or restored one is sent everything.
-- A cursor is advanced only after PostgreSQL committed; re-sending after a crash is harmless (idempotent).
CREATE TABLE lab_replication_cursor (
    central_id VARCHAR(64) NOT NULL,
    stream     VARCHAR(32) NOT NULL,
    last_id    BIGINT      NOT NULL,
    PRIMARY KEY (central_id, stream)
);
