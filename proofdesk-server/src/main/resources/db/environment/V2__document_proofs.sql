-- The challenge a holder's chip must sign; replaced on every fetch, cleared when used.
ALTER TABLE sessions ADD COLUMN challenge TEXT;
ALTER TABLE sessions ADD COLUMN challenge_at BIGINT;
-- A stable pseudonym of the verified document (HMAC), never the document data itself.
ALTER TABLE sessions ADD COLUMN nullifier TEXT;
CREATE INDEX sessions_flow_nullifier ON sessions (flow_id, nullifier);
CREATE INDEX sessions_processing ON sessions (status, updated_at);

-- CSCA certificates this environment trusts (live: imported master lists and certificates).
CREATE TABLE trust_anchors (
    id               TEXT PRIMARY KEY,
    country          TEXT NOT NULL,
    subject          TEXT NOT NULL,
    key_fingerprint  TEXT NOT NULL UNIQUE,
    certificate      TEXT NOT NULL,
    source           TEXT NOT NULL,
    not_after        BIGINT NOT NULL,
    created_at       BIGINT NOT NULL
);

CREATE TABLE trust_crls (
    id           TEXT PRIMARY KEY,
    issuer       TEXT NOT NULL,
    fingerprint  TEXT NOT NULL UNIQUE,
    crl          TEXT NOT NULL,
    next_update  BIGINT,
    created_at   BIGINT NOT NULL
);

-- Imported sanctions lists; the newest is in force.
CREATE TABLE sanctions_lists (
    id           TEXT PRIMARY KEY,
    source       TEXT NOT NULL,
    entry_count  INTEGER NOT NULL,
    entries      TEXT NOT NULL,
    imported_at  BIGINT NOT NULL
);

-- Test environment only in practice: the deployment's mock issuer and its documents.
CREATE TABLE mock_issuer (
    id          TEXT PRIMARY KEY,
    state       TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);

CREATE TABLE mock_passports (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    attributes  TEXT NOT NULL,
    dg1         TEXT NOT NULL,
    sod         TEXT NOT NULL,
    dg15        TEXT NOT NULL,
    chip_key    TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX mock_passports_account ON mock_passports (account_id, id);
