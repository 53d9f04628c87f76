package dev.proofdesk.server.error;

import java.util.Locale;
import java.util.Map;

/**
 * {@code 404 not_found}: no object of this kind with this id in the store that was asked. Services
 * say only this; whether the id lives in the caller's other environment is answered at the edge.
 */
public final class NotFoundException extends ApiException {
    private final String kind;
    private final String id;

    public NotFoundException(String kind, String id) {
        super(404, "not_found", "No " + kind.toLowerCase() + " with id '" + id + "'.",
                Map.of("object", kind.toLowerCase(Locale.ROOT).replace(' ', '_'), "id", id), Map.of());
        this.kind = kind;
        this.id = id;
    }

    /** What was looked for, as a person names it: {@code Flow}, {@code Webhook endpoint}. */
    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
