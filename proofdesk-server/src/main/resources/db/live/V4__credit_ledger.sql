-- Live store only: Database adds the db/live location for the live environment alone, so the
-- test store has no ledger and no code path there can reach one.

-- Every grant, charge and refund, never updated or deleted. amount is signed (charges are
-- negative); balance_after is the account's balance once this row applied.
CREATE TABLE credit_ledger (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('grant', 'charge', 'refund')),
    amount         BIGINT NOT NULL,
    balance_after  BIGINT NOT NULL CHECK (balance_after >= 0),
    reason         TEXT NOT NULL,
    reference      TEXT NOT NULL,
    session_id     TEXT,
    created_at     BIGINT NOT NULL,
    -- A session is charged once and refunded once, whatever the callers do. Grants have no
    -- session, and NULLs never collide.
    UNIQUE (session_id, kind)
);
CREATE INDEX credit_ledger_account ON credit_ledger (account_id, id);

-- The balance derived from the ledger, kept in step in the same transaction as each ledger
-- row. Charges lock this row, which serialises them per account. low is 1 while the balance
-- is below the credits_low threshold, so the event fires once per downward crossing.
CREATE TABLE credit_balances (
    account_id  TEXT PRIMARY KEY,
    credits     BIGINT NOT NULL CHECK (credits >= 0),
    low         INTEGER NOT NULL,
    updated_at  BIGINT NOT NULL
);
