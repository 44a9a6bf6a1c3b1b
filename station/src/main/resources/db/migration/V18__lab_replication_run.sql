-- Per run and central database: the samples (by seq, without gaps), steps and cycles (by number) the central
-- database has committed, and whether the run is complete there, so later passes skip it.
CREATE TABLE lab_replication_run (
    central_id    VARCHAR(64) NOT NULL,
    run_id        BIGINT      NOT NULL,
    samples_sent  BIGINT      NOT NULL,
    steps_sent    INT         NOT NULL,
    cycles_sent   INT         NOT NULL,
    complete      BOOLEAN     NOT NULL,
    PRIMARY KEY (central_id, run_id)
);
