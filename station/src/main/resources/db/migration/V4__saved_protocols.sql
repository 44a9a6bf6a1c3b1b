-- Protocols a researcher saved to reuse, e.g. a template with their own numbers.
CREATE TABLE saved_protocol (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(200)  NOT NULL,
    text        CLOB          NOT NULL,
    created_ms  BIGINT        NOT NULL,
    updated_ms  BIGINT        NOT NULL
);
