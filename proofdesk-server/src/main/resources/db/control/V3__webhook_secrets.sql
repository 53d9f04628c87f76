-- Keyed fingerprints of every webhook signing secret ever issued, in any environment: the unique
-- key is what guarantees that no two endpoints (test or live) can share a secret.
CREATE TABLE webhook_secret_fingerprints (
    fingerprint  TEXT PRIMARY KEY,
    environment  TEXT NOT NULL,
    endpoint_id  TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);
