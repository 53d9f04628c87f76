package dev.proofdesk.server.error;

import java.util.Locale;
import java.util.Map;

/**
 * {@code 404 not_found}: no object of this kind with this id in the store that was asked. Services
 * say only this; whether the id lives in the caller's other environment is answered at the edge.
 */
public final class NotFoundException extends ApiException {
    private final Resource kind;
    private final String id;

    public NotFoundException(Resource kind, String id) {
        super(404, "not_found", "No " + kind.label().toLowerCase(Locale.ROOT) + " with id '" + id + "'.",
                Map.of("object", kind.object(), "id", id), Map.of());
        this.kind = kind;
        this.id = id;
    }

    /** What was looked for. */
    public Resource kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
