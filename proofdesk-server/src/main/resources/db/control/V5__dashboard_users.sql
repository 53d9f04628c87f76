-- People who sign in to the dashboard of an account; passwords only as Argon2id hashes (PHC strings).
CREATE TABLE dashboard_users (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts (id),
    email          TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    disabled_at    BIGINT
);
CREATE INDEX dashboard_users_account ON dashboard_users (account_id, id);

-- Signed-in browsers: only the SHA-256 of the cookie's random token is stored.
CREATE TABLE dashboard_sessions (
    token_hash    TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES dashboard_users (id),
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL
);
CREATE INDEX dashboard_sessions_user ON dashboard_sessions (user_id);
CREATE INDEX dashboard_sessions_expires ON dashboard_sessions (expires_at);

-- Failed sign-ins per e-mail address and per client address, so limits hold across nodes.
CREATE TABLE dashboard_sign_in_failures (
    id          TEXT PRIMARY KEY,
    subject     TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX dashboard_sign_in_failures_subject ON dashboard_sign_in_failures (subject, created_at);
