-- Browser sessions: only the SHA-256 of each session id is stored.
CREATE TABLE session (
    id_hash       VARCHAR(64) PRIMARY KEY,
    created_ms    BIGINT NOT NULL,
    last_used_ms  BIGINT NOT NULL
);
