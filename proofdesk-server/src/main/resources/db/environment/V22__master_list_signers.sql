-- Certificates an operator trusts to sign CSCA master lists: a master-list signer itself, or the
-- CSCA that issues the signers. A master list is imported only under one of them.
CREATE TABLE trust_master_list_signers (
    id           TEXT PRIMARY KEY,
    subject      TEXT NOT NULL,
    fingerprint  TEXT NOT NULL UNIQUE,
    certificate  TEXT NOT NULL,
    source       TEXT NOT NULL,
    not_after    BIGINT NOT NULL,
    created_at   BIGINT NOT NULL
);
