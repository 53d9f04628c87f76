-- "One verification per document": the first valid verdict of a document in a flow claims it.
-- The primary key is the claim, so two verdicts racing on PostgreSQL cannot both take it.
CREATE TABLE document_claims (
    account_id  TEXT NOT NULL,
    flow_id     TEXT NOT NULL,
    nullifier   TEXT NOT NULL,
    session_id  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (account_id, flow_id, nullifier)
);

-- Documents already verified keep their claim: the first valid session of each.
INSERT INTO document_claims (account_id, flow_id, nullifier, session_id, created_at)
SELECT account_id, flow_id, nullifier, MIN(id), MIN(updated_at)
FROM sessions
WHERE status = 'valid' AND nullifier IS NOT NULL
GROUP BY account_id, flow_id, nullifier;
