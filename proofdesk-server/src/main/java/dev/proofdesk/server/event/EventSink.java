package dev.proofdesk.server.event;

import org.jdbi.v3.core.Handle;

/**
 * Called inside the transaction that appends an event, so that whatever it writes (webhook
 * deliveries, say) commits or rolls back together with the event and the change that caused it.
 */
public interface EventSink {
    void onAppend(Handle handle, Event event);
}
