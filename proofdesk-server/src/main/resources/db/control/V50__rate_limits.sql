-- Token buckets shared by every node of a cluster on PostgreSQL (http.SharedBuckets): one row per
-- limited key, taken with one UPSERT per request. A single SQLite server keeps its buckets in memory
-- and leaves this table empty.
CREATE TABLE rate_limits (
    bucket      TEXT PRIMARY KEY,
    tokens      DOUBLE PRECISION NOT NULL,
    granted     BOOLEAN NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX rate_limits_updated ON rate_limits (updated_at);
