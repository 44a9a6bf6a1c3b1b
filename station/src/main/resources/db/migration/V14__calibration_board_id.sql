-- Calibrations are bound to the physical boards they were measured on (board.id of the board file):
-- a row of another board, or from before boards were identified (NULL), is kept for the record and
-- not used; the station asks for a new calibration instead.
ALTER TABLE analog_calibration ADD COLUMN board_id VARCHAR(128);
CREATE INDEX analog_calibration_board ON analog_calibration (board_id, channel_id, path, id);
