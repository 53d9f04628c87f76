-- Identities that mock passports created with ofac "flagged" add to the test environment's
-- sanctions list, for their account only. Live never writes this table.
CREATE TABLE test_sanctions_entries (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL,
    entry       TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX test_sanctions_entries_account ON test_sanctions_entries (account_id, id);
