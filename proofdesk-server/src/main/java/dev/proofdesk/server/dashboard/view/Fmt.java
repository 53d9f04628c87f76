package dev.proofdesk.server.dashboard.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting helpers the templates share. All times are shown in UTC, like the API's. */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper PRETTY = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private Fmt() {
    }

    public static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }

    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The first block of a UUID, enough to tell rows apart at a glance; the full id is in the link. */
    public static String shortId(String id) {
        return id == null ? "" : id.length() > 13 ? id.substring(0, 8) + "…" + id.substring(id.length() - 4) : id;
    }

    public static String json(Object value) {
        try {
            return PRETTY.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    public static String label(String wireName) {
        if (wireName == null || wireName.isEmpty()) {
            return "";
        }
        String spaced = wireName.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
