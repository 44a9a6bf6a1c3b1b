-- The pi4j test profile's stored calibration: ch4's cell voltage reads 1 % high plus 5 mV less.
-- The station must hand it to the rig at start, so every ch4 voltage reading carries it.
INSERT INTO analog_calibration (channel_id, path, gain, offset_value, points_json, created_ms)
VALUES ('ch4', 'voltage', 1.01, -0.005, '[]', 0);
