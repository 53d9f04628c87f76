package dev.proofdesk.server.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.session.SessionResult;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The relay's JSON text frames, read strictly: a frame that is not exactly what the protocol
 * expects at this point is refused with a message naming what is wrong.
 */
final class RelayFrames {
    /** Response data (up to 65,536 bytes with extended length) plus the status word. */
    static final int MAX_RESPONSE_BYTES = 65_538;
    /** The largest text message a socket accepts: the longest response in hex, plus the JSON around it. */
    static final int MAX_MESSAGE_CHARS = 2 * MAX_RESPONSE_BYTES + 4096;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final Set<String> MRZ_FIELDS = Set.of("type", "documentNumber", "dateOfBirth", "dateOfExpiry");
    private static final Set<String> CAN_FIELDS = Set.of("type", "can");
    private static final Set<String> RESPONSE_FIELDS = Set.of("type", "id", "apdu");

    private final ObjectMapper json;

    RelayFrames(ObjectMapper json) {
        this.json = json;
    }

    /** A frame the protocol does not allow here. */
    static final class Refused extends RuntimeException {
        private final RelayProblem problem;

        Refused(RelayError error, String message) {
            super(message, null, false, false);
            this.problem = new RelayProblem(error, message);
        }

        RelayProblem problem() {
            return problem;
        }
    }

    AccessKey access(String text) {
        ObjectNode frame = object(text, "access");
        if (frame.has("can")) {
            onlyFields(frame, CAN_FIELDS);
            String can = text(frame, "can");
            try {
                return new AccessKey.Can(can.strip());
            } catch (IllegalArgumentException e) {
                throw new Refused(RelayError.INVALID_ACCESS_KEY, "can: " + e.getMessage()
                        + " (the card access number printed on the document)");
            }
        }
        onlyFields(frame, MRZ_FIELDS);
        String number = text(frame, "documentNumber").strip().toUpperCase(Locale.ROOT);
        String birth = text(frame, "dateOfBirth").strip();
        String expiry = text(frame, "dateOfExpiry").strip();
        try {
            return new AccessKey.Mrz(number, birth, expiry);
        } catch (IllegalArgumentException e) {
            throw new Refused(RelayError.INVALID_ACCESS_KEY, e.getMessage()
                    + " (as in the document's machine-readable zone)");
        }
    }

    /** The response APDU of command {@code id}: response data followed by SW1 SW2. */
    byte[] response(String text, int id) {
        ObjectNode frame = object(text, "response");
        onlyFields(frame, RESPONSE_FIELDS);
        JsonNode given = frame.get("id");
        if (given == null || !given.isInt()) {
            throw invalid("a response needs \"id\": the number of the APDU it answers (" + id + ")");
        }
        if (given.intValue() != id) {
            throw invalid("response id " + given.intValue() + " does not answer the APDU waiting for one (id " + id
                    + "); answer each APDU once, in order");
        }
        String hex = text(frame, "apdu");
        if (hex.length() > 2 * MAX_RESPONSE_BYTES) {
            throw invalid("the response APDU is longer than " + MAX_RESPONSE_BYTES + " bytes");
        }
        if (hex.length() < 4 || hex.length() % 2 != 0) {
            throw invalid("\"apdu\" must be the response in hex: data, then the two status bytes (at least 4 hex digits)");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw invalid("\"apdu\" is not hex: use the digits 0-9 and A-F only");
        }
    }

    String apdu(int id, byte[] command) {
        return write(json.createObjectNode().put("type", "apdu").put("id", id).put("apdu", HEX.formatHex(command)));
    }

    String progress(String step) {
        return write(json.createObjectNode().put("type", "progress").put("step", step));
    }

    /** The verdict as the holder may see it: status, checks, how the chip proved itself, where to go next. */
    String result(Session session) {
        ObjectNode frame = json.createObjectNode().put("type", "result").put("status", session.status().id());
        SessionResult result = session.result();
        frame.set("checks", json.valueToTree(result == null ? List.of() : result.checks()));
        frame.put("chipAuthentication", result == null ? null : result.chipAuthentication());
        frame.put("redirectUrl", session.redirectUrl());
        return write(frame);
    }

    /** The final error frame; {@code step} says where the read stopped, when it had begun. */
    String error(RelayProblem problem) {
        ObjectNode frame = json.createObjectNode().put("type", "error").put("code", problem.error().code())
                .put("message", problem.message());
        if (problem.step() != null) {
            frame.put("step", problem.step());
        }
        return write(frame);
    }

    private ObjectNode object(String text, String expectedType) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("a frame is not JSON: send JSON text frames such as {\"type\": \"" + expectedType + "\", …}");
        }
        if (!(node instanceof ObjectNode frame)) {
            throw invalid("a frame must be a JSON object such as {\"type\": \"" + expectedType + "\", …}");
        }
        JsonNode type = frame.get("type");
        if (type == null || !type.isTextual()) {
            throw invalid("a frame needs \"type\"; expected \"" + expectedType + "\" here");
        }
        if (!type.textValue().equals(expectedType)) {
            throw invalid("expected a frame of type \"" + expectedType + "\" here, got \"" + type.textValue() + "\"");
        }
        return frame;
    }

    private static void onlyFields(ObjectNode frame, Set<String> allowed) {
        for (Iterator<String> names = frame.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw invalid("\"" + name + "\" is not a field of a \"" + frame.get("type").textValue()
                        + "\" frame; its fields are " + allowed.stream().sorted().toList());
            }
        }
    }

    private static String text(ObjectNode frame, String field) {
        JsonNode value = frame.get(field);
        if (value != null && value.isTextual()) {
            return value.textValue();
        }
        if (frame.get("type").textValue().equals("access")) {
            throw new Refused(RelayError.INVALID_ACCESS_KEY, "\"" + field + "\" must be a string: send {\"type\": "
                    + "\"access\", \"documentNumber\", \"dateOfBirth\", \"dateOfExpiry\"} (YYMMDD) or "
                    + "{\"type\": \"access\", \"can\"}");
        }
        throw invalid("\"" + field + "\" must be a string");
    }

    private static Refused invalid(String message) {
        return new Refused(RelayError.INVALID_MESSAGE, message);
    }

    private String write(ObjectNode frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
