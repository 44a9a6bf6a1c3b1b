-- Each block carries the engine state after its last sample (deflated, see EngineStateBytes), so a
-- fold of samples into blocks writes nothing but blocks: the run row's engine_state, samples_stored
-- and last_sample_ms are no longer rewritten with every batch, and keep their values only for runs
-- whose blocks were written before this version (the store reads the newest block first).
ALTER TABLE sample_block ADD COLUMN engine_state VARBINARY;
