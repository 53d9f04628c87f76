CREATE TABLE flows (
    id                    TEXT PRIMARY KEY,
    account_id            TEXT NOT NULL,
    name                  TEXT NOT NULL,
    product               TEXT NOT NULL,
    latest_version        INTEGER NOT NULL,
    published_version_id  TEXT,
    archived_at           BIGINT,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL
);
CREATE INDEX flows_account ON flows (account_id, id);

CREATE TABLE flow_versions (
    id            TEXT PRIMARY KEY,
    flow_id       TEXT NOT NULL REFERENCES flows (id),
    version       INTEGER NOT NULL,
    status        TEXT NOT NULL,
    definition    TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    published_at  BIGINT,
    UNIQUE (flow_id, version)
);

CREATE TABLE sessions (
    id               TEXT PRIMARY KEY,
    account_id       TEXT NOT NULL,
    flow_id          TEXT NOT NULL REFERENCES flows (id),
    flow_version_id  TEXT NOT NULL REFERENCES flow_versions (id),
    external_uuid    TEXT,
    status           TEXT NOT NULL,
    metadata         TEXT,
    result           TEXT,
    cost             INTEGER NOT NULL,
    success_url      TEXT,
    failure_url      TEXT,
    created_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    completed_at     BIGINT,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id, id);
CREATE INDEX sessions_account_flow ON sessions (account_id, flow_id, id);
CREATE INDEX sessions_account_status ON sessions (account_id, status, id);
CREATE INDEX sessions_due ON sessions (status, expires_at);

CREATE TABLE events (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    type        TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX events_account ON events (account_id, id);

CREATE TABLE idempotency_keys (
    account_id     TEXT NOT NULL,
    idem_key       TEXT NOT NULL,
    request_hash   TEXT NOT NULL,
    state          TEXT NOT NULL,
    status_code    INTEGER,
    response_body  TEXT,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (account_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
