CREATE TABLE webhook_endpoints (
    id                      TEXT PRIMARY KEY,
    account_id              TEXT NOT NULL,
    url                     TEXT NOT NULL,
    description             TEXT,
    enabled_events          TEXT NOT NULL,
    status                  TEXT NOT NULL,
    disabled_reason         TEXT,
    secret                  TEXT NOT NULL,
    previous_secret         TEXT,
    previous_secret_until   BIGINT,
    failing_since           BIGINT,
    paused_until            BIGINT,
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);
CREATE INDEX webhook_endpoints_account ON webhook_endpoints (account_id, status);

-- The outbox: one row per (event, endpoint), written in the transaction of the event. A row is due
-- while next_attempt_at <= now; a dispatcher claims it by pushing next_attempt_at to the end of its
-- lease and stamping lease_token, so a dead node's rows become due again when the lease runs out.
CREATE TABLE webhook_deliveries (
    id                TEXT PRIMARY KEY,
    account_id        TEXT NOT NULL,
    event_id          TEXT NOT NULL,
    endpoint_id       TEXT NOT NULL,
    status            TEXT NOT NULL,
    attempts          INTEGER NOT NULL,
    next_attempt_at   BIGINT,
    lease_token       TEXT,
    last_status_code  INTEGER,
    last_error        TEXT,
    last_attempt_at   BIGINT,
    created_at        BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id);
CREATE INDEX webhook_deliveries_endpoint_due ON webhook_deliveries (endpoint_id, next_attempt_at)
    WHERE next_attempt_at IS NOT NULL;
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);

CREATE TABLE webhook_attempts (
    id                TEXT PRIMARY KEY,
    delivery_id       TEXT NOT NULL,
    endpoint_id       TEXT NOT NULL,
    attempt           INTEGER NOT NULL,
    status_code       INTEGER,
    duration_ms       INTEGER NOT NULL,
    response_excerpt  TEXT,
    error             TEXT,
    next_retry_at     BIGINT,
    created_at        BIGINT NOT NULL
);
CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);

CREATE INDEX events_created ON events (created_at);
CREATE INDEX events_account_type ON events (account_id, type, id);
