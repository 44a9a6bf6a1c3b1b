-- Samples by test time: the samples endpoint finds the first and last sample of a time window
-- with two index seeks instead of scanning the run (see SampleWindowStore).
CREATE INDEX sample_run_time ON sample (run_id, t_ms);
