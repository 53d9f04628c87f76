package dev.proofdesk.server.billing;

import org.jdbi.v3.core.Handle;

/**
 * How sessions are paid for, called inside the transaction that changes the session. Only the
 * live environment has a ledger; the test environment is wired with {@link #NONE}, so no test code
 * path can reach a balance.
 */
public interface SessionBilling {

    /** Charges a new session; throws {@code 402 insufficient_credits} when the balance is short. */
    void charge(Handle h, String accountId, String sessionId, int cost);

    /** Refunds a session that ended in error, expired or was canceled; exactly once per session. */
    void refund(Handle h, String accountId, String sessionId, int cost, String reason);

    SessionBilling NONE = new SessionBilling() {
        @Override
        public void charge(Handle h, String accountId, String sessionId, int cost) {
        }

        @Override
        public void refund(Handle h, String accountId, String sessionId, int cost, String reason) {
        }
    };
}
