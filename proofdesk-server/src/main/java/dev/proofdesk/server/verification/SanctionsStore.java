package dev.proofdesk.server.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.proofdesk.passport.sanctions.SanctionsEntry;
import dev.proofdesk.passport.sanctions.SanctionsList;
import dev.proofdesk.passport.sanctions.SdnFile;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.store.Environment;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;
import org.jdbi.v3.core.Handle;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The sanctions list in force in one environment: the newest import, else a fallback (the small
 * built-in list in test, an empty list in live). Indexed once per import, not per screening. In
 * test, an account's flagged mock passports add their identities to the list that screens that
 * account's documents, and only that account's.
 */
public final class SanctionsStore {
    private final Store store;
    private final Clock clock;
    private final ObjectMapper json;
    private final Supplier<SanctionsList> fallback;
    private final AtomicReference<Loaded> cached = new AtomicReference<>();
    /** Per account: the list in force with the account's test identities, while neither changes. */
    private final Map<String, Added> added = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_ACCOUNTS = 1000;

    private record Loaded(String importId, SanctionsList list) {
    }

    private record Added(SanctionsList base, int count, SanctionsList list) {
    }

    /**
     * @param unmappedCountries country names the file uses that have no ICAO code here; passports
     *     listed under them are not screened by number
     */
    public record Imported(String id, int entries, Set<String> unmappedCountries) {
    }

    public SanctionsStore(Store store, Clock clock, ObjectMapper json, Supplier<SanctionsList> fallback) {
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.fallback = fallback;
    }

    /** The list that screens this account's documents: in test with the identities its flagged mocks added. */
    public SanctionsList current(String accountId) {
        SanctionsList base = current();
        if (isLive()) {
            return base;
        }
        int count = store.read(h -> h.createQuery("SELECT COUNT(*) FROM test_sanctions_entries WHERE account_id = :a")
                .bind("a", accountId).mapTo(Integer.class).one());
        if (count == 0) {
            return base;
        }
        Added cachedForAccount = added.get(accountId);
        if (cachedForAccount != null && cachedForAccount.base() == base && cachedForAccount.count() == count) {
            return cachedForAccount.list();
        }
        List<SanctionsEntry> entries = store.read(h -> h.createQuery(
                        "SELECT entry FROM test_sanctions_entries WHERE account_id = :a ORDER BY id")
                .bind("a", accountId).mapTo(String.class).list()).stream().map(this::readEntry).toList();
        SanctionsList list = base.with(entries);
        if (added.size() >= MAX_CACHED_ACCOUNTS) {
            added.clear();
        }
        added.put(accountId, new Added(base, entries.size(), list));
        return list;
    }

    /**
     * Lists an identity for one account of the test environment, in the caller's transaction (the
     * mock passport that carries it is stored in the same one). Live's list only ever comes from imports.
     */
    public void addTestIdentity(Handle h, String accountId, String id, SanctionsEntry entry) {
        if (isLive()) {
            throw new IllegalStateException("test identities are never added to live's sanctions list");
        }
        h.createUpdate("""
                INSERT INTO test_sanctions_entries (id, account_id, entry, created_at)
                VALUES (:id, :account, :entry, :now)""")
                .bind("id", id).bind("account", accountId).bind("entry", write(entry)).bind("now", clock.millis())
                .execute();
    }

    private boolean isLive() {
        return store.environment().orElseThrow() == Environment.LIVE;
    }

    private SanctionsEntry readEntry(String text) {
        try {
            return json.readValue(text, SanctionsEntry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored test sanctions entry is unreadable", e);
        }
    }

    public SanctionsList current() {
        String newest = store.read(h -> h.createQuery(
                "SELECT id FROM sanctions_lists ORDER BY imported_at DESC, id DESC LIMIT 1")
                .mapTo(String.class).findOne()).orElse("");
        Loaded loaded = cached.get();
        if (loaded == null || !loaded.importId().equals(newest)) {
            loaded = new Loaded(newest, newest.isEmpty() ? fallback.get() : load(newest));
            cached.set(loaded);
        }
        return loaded.list();
    }

    public Optional<Imported> latest() {
        return store.read(h -> h.createQuery(
                        "SELECT id, entry_count FROM sanctions_lists ORDER BY imported_at DESC, id DESC LIMIT 1")
                .map((rs, c) -> new Imported(rs.getString(1), rs.getInt(2), Set.of())).findOne());
    }

    /** Parses SDN.XML (reporting progress) and makes it the list in force. */
    public Imported importSdnXml(String source, InputStream sdnXml, LongConsumer progress) {
        SdnFile file;
        try {
            file = SanctionsList.parseSdnXml(sdnXml, progress);
        } catch (RuntimeException e) {
            throw ApiException.validation("file", "is not a readable SDN.XML file: " + e.getMessage());
        }
        List<SanctionsEntry> entries = file.entries();
        if (entries.isEmpty()) {
            throw ApiException.validation("file", "contains no individuals; is it OFAC's SDN.XML?");
        }
        String id = Ids.newId();
        String body = write(entries);
        store.writeVoid(h -> h.createUpdate("""
                INSERT INTO sanctions_lists (id, source, entry_count, entries, imported_at)
                VALUES (:id, :source, :count, :entries, :at)""")
                .bind("id", id).bind("source", source).bind("count", entries.size()).bind("entries", body)
                .bind("at", clock.millis()).execute());
        return new Imported(id, entries.size(), file.unmappedCountries());
    }

    private SanctionsList load(String id) {
        String body = store.read(h -> h.createQuery("SELECT entries FROM sanctions_lists WHERE id = :id")
                .bind("id", id).mapTo(String.class).one());
        try {
            JsonNode tree = json.readTree(body);
            for (JsonNode entry : tree) {
                splitLegacyNames(entry);
            }
            return SanctionsList.of(json.convertValue(tree, new TypeReference<List<SanctionsEntry>>() { }));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored sanctions list " + id + " is unreadable", e);
        }
    }

    /**
     * Lists imported before names were stored split into given names and surname hold each name
     * as one string; read as a name that only matches whole, they screen as they did until the
     * next import.
     */
    private static void splitLegacyNames(JsonNode entry) {
        JsonNode names = entry.path("names");
        if (names instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, array.objectNode().put("givenNames", array.get(i).asText()).put("surname", ""));
                }
            }
        }
    }

    private String write(Object entries) {
        try {
            return json.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
