-- A session belongs to a role (operator or viewer) and to the token it was made with: a session made
-- with a token that has since been rotated is no longer valid. Sessions made before this version
-- carry neither, so they end here; their users log in once more.
DELETE FROM session;
ALTER TABLE session ADD COLUMN role VARCHAR(16) NOT NULL;
ALTER TABLE session ADD COLUMN token_fingerprint VARCHAR(16) NOT NULL;
