package dev.proofdesk.sdk.flow;

import dev.proofdesk.sdk.flow.FlowDefinition.Disclosures;
import dev.proofdesk.sdk.flow.FlowDefinition.Rules;
import dev.proofdesk.sdk.flow.FlowDefinition.Settings;

import java.util.List;

/**
 * The body of a flow create or update. On create, {@code name} and {@code product} are required
 * and the rest takes defaults; on update, only the fields that are set change.
 */
public record FlowParams(String name, Product product, Rules rules, List<String> documents,
                         Disclosures disclosures, Settings settings) {

    public FlowParams {
        documents = documents == null ? null : List.copyOf(documents);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private Product product;
        private Rules rules;
        private List<String> documents;
        private Disclosures disclosures;
        private Settings settings;

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder product(Product product) {
            this.product = product;
            return this;
        }

        public Builder rules(Rules rules) {
            this.rules = rules;
            return this;
        }

        /** Accepted document types, e.g. {@code "passport", "id_card"}. */
        public Builder documents(String... types) {
            this.documents = List.of(types);
            return this;
        }

        public Builder disclosures(Disclosures disclosures) {
            this.disclosures = disclosures;
            return this;
        }

        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        public FlowParams build() {
            return new FlowParams(name, product, rules, documents, disclosures, settings);
        }
    }
}
