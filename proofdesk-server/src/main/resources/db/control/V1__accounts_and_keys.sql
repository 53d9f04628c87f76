CREATE TABLE accounts (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE api_keys (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts (id),
    environment   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    key_hash      TEXT NOT NULL UNIQUE,
    last4         TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    expires_at    BIGINT,
    revoked_at    BIGINT,
    last_used_at  BIGINT,
    rolled_to     TEXT
);
CREATE INDEX api_keys_account ON api_keys (account_id, environment, kind);

CREATE TABLE audit_log (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    details     TEXT,
    created_at  BIGINT NOT NULL
);
CREATE INDEX audit_log_account ON audit_log (account_id, id);
