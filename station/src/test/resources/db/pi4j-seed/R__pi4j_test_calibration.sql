-- The pi4j test profile's stored calibration: ch4's cell voltage reads 1 % high plus 5 mV less, measured
-- on the example board (board.id no3rr-ref-0001). The station must hand it to the rig at start, so every
-- ch4 voltage reading carries it. ch4's current, measured on another board, must not be used.
INSERT INTO analog_calibration (channel_id, path, gain, offset_value, points_json, created_ms, board_id)
VALUES ('ch4', 'voltage', 1.01, -0.005, '[]', 0, 'no3rr-ref-0001');
INSERT INTO analog_calibration (channel_id, path, gain, offset_value, points_json, created_ms, board_id)
VALUES ('ch4', 'current', 1.5, 0.0, '[]', 0, 'no3rr-ref-0000');
