package dev.proofdesk.server.webhook;

import java.net.URI;
import java.util.List;

/** One claimed delivery, ready to send: where, what, and the keys that sign it. */
record Job(Claimed claimed, URI url, String body, List<byte[]> keys) {
    String endpointId() {
        return claimed.endpointId();
    }
}
