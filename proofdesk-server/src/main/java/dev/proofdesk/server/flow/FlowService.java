package dev.proofdesk.server.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.event.EventLog;
import dev.proofdesk.server.event.EventType;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flows of one environment. Drafts are edited in place; editing a published flow starts a new
 * draft version, and publishing is always an explicit call.
 */
public final class FlowService {
    private final Store store;
    private final Environment environment;
    private final EventLog events;
    private final Clock clock;
    private final FlowRepository flows;
    /** Published versions never change, so their parsed definitions are kept; drafts are always read. */
    private final Map<String, FlowVersion> publishedVersions = new ConcurrentHashMap<>();

    public FlowService(Store store, EventLog events, Clock clock, ObjectMapper json) {
        this.store = store;
        this.environment = store.environment().orElseThrow();
        this.events = events;
        this.clock = clock;
        this.flows = new FlowRepository(json, environment.livemode());
    }

    /** The version a new session pins: the published one of an active flow. */
    public record Pinned(String flowId, FlowVersion version) {
    }

    public Flow create(String accountId, FlowInput input) {
        FlowDefinition def = FlowValidator.merge(FlowValidator.DEFAULTS, input);
        return store.write(h -> {
            Instant now = clock.instant();
            String id = Ids.newId();
            flows.insertFlow(h, id, accountId, def, now);
            flows.insertVersion(h, Ids.newId(), id, 1, def, now);
            return view(h, accountId, id);
        });
    }

    public Flow importDefinition(String accountId, FlowInput input, String intoFlowId) {
        if (intoFlowId == null) {
            return create(accountId, input);
        }
        // Importing onto an existing flow replaces its definition wholesale, as a new draft.
        FlowDefinition def = FlowValidator.merge(FlowValidator.DEFAULTS, input);
        return store.write(h -> {
            FlowRepository.Row row = lockActive(h, accountId, intoFlowId);
            saveDraft(h, row, def);
            return view(h, accountId, intoFlowId);
        });
    }

    public Flow update(String accountId, String id, FlowInput input) {
        return store.write(h -> {
            FlowRepository.Row row = lockActive(h, accountId, id);
            FlowVersion latest = flows.version(h, id, row.latestVersion()).orElseThrow();
            saveDraft(h, row, FlowValidator.merge(latest.definition(), input));
            return view(h, accountId, id);
        });
    }

    private void saveDraft(Handle h, FlowRepository.Row row, FlowDefinition def) {
        FlowVersion latest = flows.version(h, row.id(), row.latestVersion()).orElseThrow();
        Instant now = clock.instant();
        if (latest.isDraft()) {
            flows.updateDraft(h, latest.id(), def);
            flows.touchFlow(h, row.id(), def, latest.version(), now);
        } else {
            int next = row.latestVersion() + 1;
            flows.insertVersion(h, Ids.newId(), row.id(), next, def, now);
            flows.touchFlow(h, row.id(), def, next, now);
        }
    }

    public Flow publish(String accountId, String id) {
        return store.write(h -> {
            FlowRepository.Row row = lockActive(h, accountId, id);
            FlowVersion latest = flows.version(h, id, row.latestVersion()).orElseThrow();
            if (!latest.isDraft()) {
                throw ApiException.conflict("Flow " + id + " has no draft to publish: version " + latest.version()
                        + " is already published. Update the flow to start a new draft.");
            }
            flows.publish(h, row, latest, clock.instant());
            Flow flow = view(h, accountId, id);
            events.append(h, accountId, EventType.FLOW_PUBLISHED, flow);
            return flow;
        });
    }

    public Flow archive(String accountId, String id) {
        return store.write(h -> {
            FlowRepository.Row row = lockActive(h, accountId, id);
            flows.archive(h, row.id(), clock.instant());
            return view(h, accountId, id);
        });
    }

    public Flow get(String accountId, String id) {
        return store.read(h -> {
            require(h, accountId, id, false);
            return view(h, accountId, id);
        });
    }

    public List<Flow> list(String accountId, String startingAfter, int limit) {
        return store.read(h -> flows.list(h, accountId, startingAfter, limit).stream()
                .map(row -> view(h, row)).toList());
    }

    public List<FlowVersion> versions(String accountId, String id) {
        return store.read(h -> {
            require(h, accountId, id, false);
            return flows.versions(h, id);
        });
    }

    /** The published definition if there is one, else the latest draft; or a chosen version. */
    public FlowDefinition export(String accountId, String id, Integer version) {
        return store.read(h -> {
            FlowRepository.Row row = require(h, accountId, id, false);
            if (version != null) {
                return flows.version(h, id, version)
                        .orElseThrow(() -> ApiException.validation("version", "flow " + id + " has no version "
                                + version + " (latest is " + row.latestVersion() + ")"))
                        .definition();
            }
            String versionId = row.publishedVersionId();
            return (versionId != null ? flows.versionById(h, versionId)
                    : flows.version(h, id, row.latestVersion())).orElseThrow().definition();
        });
    }

    /** Called inside the session-creating transaction, so the pin and the session commit together. */
    public Pinned pinPublished(Handle h, String accountId, String id) {
        FlowRepository.Row row = require(h, accountId, id, false);
        if (row.archivedAt() != null) {
            throw ApiException.conflict("Flow " + id + " is archived; sessions can only use active flows.");
        }
        if (row.publishedVersionId() == null) {
            throw ApiException.conflict("Flow " + id + " has no published version yet. Publish it first "
                    + "(POST /v1/flows/" + id + "/publish).");
        }
        return new Pinned(id, version(h, row.publishedVersionId()));
    }

    /** A version a session pinned: published when pinned, so immutable, and read once per process. */
    public FlowVersion version(Handle h, String versionId) {
        FlowVersion cached = publishedVersions.get(versionId);
        if (cached != null) {
            return cached;
        }
        FlowVersion version = flows.versionById(h, versionId).orElseThrow();
        if (!version.isDraft()) {
            publishedVersions.put(versionId, version);
        }
        return version;
    }

    /** Existence in this store only; the edge asks it to explain a mismatch from the other environment. */
    public boolean existsHere(String accountId, String id) {
        return store.read(h -> flows.exists(h, accountId, id));
    }

    private FlowRepository.Row lockActive(Handle h, String accountId, String id) {
        FlowRepository.Row row = require(h, accountId, id, true);
        if (row.archivedAt() != null) {
            throw ApiException.conflict("Flow " + id + " is archived and can no longer change.");
        }
        return row;
    }

    private FlowRepository.Row require(Handle h, String accountId, String id, boolean lock) {
        return flows.find(h, accountId, id, lock, store.dialect().forUpdate())
                .orElseThrow(() -> ApiException.notFound(Resource.FLOW, id));
    }

    private Flow view(Handle h, String accountId, String id) {
        return view(h, flows.find(h, accountId, id, false, "").orElseThrow());
    }

    private Flow view(Handle h, FlowRepository.Row row) {
        FlowVersion latest = flows.version(h, row.id(), row.latestVersion()).orElseThrow();
        FlowVersion published = row.publishedVersionId() == null ? null
                : latest.id().equals(row.publishedVersionId()) ? latest
                : flows.versionById(h, row.publishedVersionId()).orElseThrow();
        String status = row.archivedAt() != null ? "archived" : latest.isDraft() ? "draft" : "published";
        FlowDefinition def = latest.definition();
        return new Flow(row.id(), def.name(), def.product(), status, latest.version(), latest.id(),
                published == null ? null : published.version(), published == null ? null : published.id(),
                def.rules(), def.documents(), def.disclosures(), def.settings(), environment.livemode(),
                row.createdAt(), row.updatedAt(), published == null ? null : published.publishedAt());
    }
}
