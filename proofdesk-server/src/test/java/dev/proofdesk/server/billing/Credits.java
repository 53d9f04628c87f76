package dev.proofdesk.server.billing;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.support.Fixtures;
import dev.proofdesk.server.support.HttpApi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers the billing tests share: the live ledger, its rows, and flows of a given product. */
final class Credits {
    private Credits() {
    }

    static CreditLedger live(Application app) {
        return app.environment(Environment.LIVE).credits().orElseThrow();
    }

    static List<LedgerEntry> entries(Application app, String accountId) {
        List<LedgerEntry> rows = new ArrayList<>();
        live(app).forEachEntry(accountId, rows::add);
        return rows;
    }

    static long sum(List<LedgerEntry> entries) {
        return entries.stream().mapToLong(LedgerEntry::amount).sum();
    }

    /** Creates and publishes a flow of this product with the key's environment; returns its id. */
    static String publishedFlow(HttpApi http, String key, String product) {
        Map<String, Object> body = new HashMap<>(Fixtures.flowBody("Billing " + product));
        body.put("product", product);
        HttpApi.Response created = http.post("/v1/flows", key, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().path("id").asText();
        HttpApi.Response published = http.post("/v1/flows/" + id + "/publish", key, null);
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return id;
    }
}
