-- Notifications already sent (docs/lab.md, "Notifications"), so the same event of the same run is sent once,
-- also when a restart raises a run's pending prompt again. One row per event; a few per run.
CREATE TABLE sent_notification (
    event_key   VARCHAR(400) PRIMARY KEY,
    run_id      BIGINT        NOT NULL,
    sent_ms     BIGINT        NOT NULL
);
