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
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Store;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The sanctions list in force in one environment: the newest import, else a fallback (the small
 * built-in list in test, an empty list in live). Indexed once per import, not per screening.
 */
public final class SanctionsStore {
    private final Store store;
    private final Clock clock;
    private final ObjectMapper json;
    private final Supplier<SanctionsList> fallback;
    private final AtomicReference<Loaded> cached = new AtomicReference<>();

    private record Loaded(String importId, SanctionsList list) {
    }

    /**
     * @param unmappedCountries country names the file uses that have no ICAO code here; passports
     *     listed under them are not screened by number
     */
    public record Imported(String id, int entries, java.util.Set<String> unmappedCountries) {
    }

    public SanctionsStore(Store store, Clock clock, ObjectMapper json, Supplier<SanctionsList> fallback) {
        this.store = store;
        this.clock = clock;
        this.json = json;
        this.fallback = fallback;
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
                .map((rs, c) -> new Imported(rs.getString(1), rs.getInt(2), java.util.Set.of())).findOne());
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

    private String write(List<SanctionsEntry> entries) {
        try {
            return json.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
