package dev.proofdesk.sdk.flow;

import dev.proofdesk.sdk.ListParams;
import dev.proofdesk.sdk.Page;
import dev.proofdesk.sdk.RequestOptions;
import dev.proofdesk.sdk.net.ApiRequestor;

import java.util.List;
import java.util.Map;

import static dev.proofdesk.sdk.net.ApiRequestor.segment;

/** {@code /v1/flows}: verification configurations of the key's environment. */
public final class FlowService {
    private final ApiRequestor api;

    public FlowService(ApiRequestor api) {
        this.api = api;
    }

    /** Creates a draft (version 1); publish it before creating sessions. */
    public Flow create(FlowParams params) {
        return create(params, RequestOptions.NONE);
    }

    public Flow create(FlowParams params, RequestOptions options) {
        return api.post("/v1/flows", Map.of(), params, Flow.class, options);
    }

    public Flow retrieve(String id) {
        return retrieve(id, RequestOptions.NONE);
    }

    public Flow retrieve(String id, RequestOptions options) {
        return api.get("/v1/flows/" + segment(id), Map.of(), Flow.class, options);
    }

    /** Changes the draft, or starts a new draft version when the latest one is published. */
    public Flow update(String id, FlowParams params) {
        return update(id, params, RequestOptions.NONE);
    }

    public Flow update(String id, FlowParams params, RequestOptions options) {
        return api.post("/v1/flows/" + segment(id), Map.of(), params, Flow.class, options);
    }

    /** Makes the latest draft the version new sessions use. */
    public Flow publish(String id) {
        return publish(id, RequestOptions.NONE);
    }

    public Flow publish(String id, RequestOptions options) {
        return api.post("/v1/flows/" + segment(id) + "/publish", Map.of(), null, Flow.class, options);
    }

    /** Stops the flow for good: no more edits and no new sessions. */
    public Flow archive(String id) {
        return archive(id, RequestOptions.NONE);
    }

    public Flow archive(String id, RequestOptions options) {
        return api.post("/v1/flows/" + segment(id) + "/archive", Map.of(), null, Flow.class, options);
    }

    /** The first page, newest first; {@link Page#autoPaging()} walks them all. */
    public Page<Flow> list() {
        return list(ListParams.DEFAULT, RequestOptions.NONE);
    }

    public Page<Flow> list(ListParams params) {
        return list(params, RequestOptions.NONE);
    }

    public Page<Flow> list(ListParams params, RequestOptions options) {
        return api.list("/v1/flows", params.toQuery(), Flow.class, Flow::id, options);
    }

    /** Every version, newest first. */
    public List<FlowVersion> versions(String id) {
        return versions(id, RequestOptions.NONE);
    }

    public List<FlowVersion> versions(String id, RequestOptions options) {
        return api.listAll("/v1/flows/" + segment(id) + "/versions", FlowVersion.class, options);
    }

    /** The published definition if there is one, else the latest draft. */
    public FlowDefinition export(String id) {
        return api.get("/v1/flows/" + segment(id) + "/export", Map.of(), FlowDefinition.class, RequestOptions.NONE);
    }

    /** The definition of one version. */
    public FlowDefinition export(String id, int version) {
        return api.get("/v1/flows/" + segment(id) + "/export", Map.of("version", Integer.toString(version)),
                FlowDefinition.class, RequestOptions.NONE);
    }

    /**
     * Creates a new draft flow from a definition, in the environment of this client's key. Used to
     * promote a flow from test to live: export with one client, import with the other, then publish.
     */
    public Flow importDefinition(FlowDefinition definition) {
        return importDefinition(definition, RequestOptions.NONE);
    }

    public Flow importDefinition(FlowDefinition definition, RequestOptions options) {
        return api.post("/v1/flows/import", Map.of(), definition, Flow.class, options);
    }

    /** Replaces an existing flow's definition with {@code definition}, as a new draft. */
    public Flow importInto(String flowId, FlowDefinition definition, RequestOptions options) {
        return api.post("/v1/flows/import", Map.of("flowId", flowId), definition, Flow.class, options);
    }
}
