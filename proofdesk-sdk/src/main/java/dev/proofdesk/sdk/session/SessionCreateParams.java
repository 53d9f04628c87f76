package dev.proofdesk.sdk.session;

import java.util.Map;

/**
 * The body of a session create.
 *
 * @param flowId a published, active flow of the key's environment (required)
 * @param externalUuid your reference for the person, a UUID
 * @param expiresInSeconds 60 to 86400; default from the flow's settings
 * @param metadata your key/values, at most 4 KB as JSON
 */
public record SessionCreateParams(String flowId, String externalUuid, Integer expiresInSeconds,
                                  Map<String, Object> metadata, String successUrl, String failureUrl) {

    public static SessionCreateParams forFlow(String flowId) {
        return builder().flowId(flowId).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String flowId;
        private String externalUuid;
        private Integer expiresInSeconds;
        private Map<String, Object> metadata;
        private String successUrl;
        private String failureUrl;

        public Builder flowId(String flowId) {
            this.flowId = flowId;
            return this;
        }

        public Builder externalUuid(String externalUuid) {
            this.externalUuid = externalUuid;
            return this;
        }

        public Builder expiresInSeconds(int seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder successUrl(String url) {
            this.successUrl = url;
            return this;
        }

        public Builder failureUrl(String url) {
            this.failureUrl = url;
            return this;
        }

        public SessionCreateParams build() {
            return new SessionCreateParams(flowId, externalUuid, expiresInSeconds, metadata, successUrl, failureUrl);
        }
    }
}
