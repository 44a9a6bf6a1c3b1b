-- A writer batch that carries records for the database (BatchExtra, e.g. a step's summary) is
-- journaled with a marker id and commits its records together with that id here: at a restart, a
-- journaled batch whose marker is missing never counted (its transaction did not commit), so its
-- samples are left out with its records. Emptied as the journal moves on (see SampleIntake).
CREATE TABLE journal_commit (
    id BIGINT PRIMARY KEY
);
