-- A writer batch that must commit something in the database (the step and cycle summaries its
-- samples close, a new run state: see SampleIntake) is journaled with a marker id and commits
-- those together with that id here: at a restart, a journaled batch whose marker is missing never
-- counted (its transaction did not commit), so its samples are left out with its summaries.
-- Emptied as the journal moves on.
CREATE TABLE journal_commit (
    id BIGINT PRIMARY KEY
);
