package dev.proofdesk.server.support;

/** The two stores every repository and API test runs against. */
public enum Db {
    SQLITE, POSTGRES
}
