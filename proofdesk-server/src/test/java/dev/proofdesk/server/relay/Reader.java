package dev.proofdesk.server.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.proofdesk.passport.chip.ApduChannel;
import dev.proofdesk.server.support.RelayProbe;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A well-behaved reader in tests: answers every APDU of a relay with a card (an emulated chip) and
 * remembers what it relayed, so a test can see which protocol the server spoke to the chip.
 */
final class Reader {
    private final List<byte[]> commands = new ArrayList<>();
    private final List<String> steps = new ArrayList<>();

    /** Relays until the server's final frame ({@code result} or {@code error}) and returns it. */
    JsonNode relay(RelayProbe probe, ApduChannel card) {
        while (true) {
            JsonNode frame = probe.next();
            switch (frame.path("type").asText()) {
                case "apdu" -> answer(frame, probe, card);
                case "progress" -> steps.add(frame.path("step").asText());
                default -> {
                    return frame;
                }
            }
        }
    }

    /** Relays one APDU frame already taken from the socket. */
    void answer(JsonNode apdu, RelayProbe probe, ApduChannel card) {
        byte[] command = HexFormat.of().parseHex(apdu.path("apdu").asText());
        commands.add(command);
        probe.send(Map.of("type", "response", "id", apdu.path("id").intValue(),
                "apdu", HexFormat.of().formatHex(card.transmit(command))));
    }

    /** The instruction bytes of every command relayed, in order. */
    List<Integer> instructions() {
        return commands.stream().map(c -> c[1] & 0xFF).toList();
    }

    List<String> steps() {
        return steps;
    }

    static final int GET_CHALLENGE = 0x84;
    static final int EXTERNAL_AUTHENTICATE = 0x82;
    static final int GENERAL_AUTHENTICATE = 0x86;
    static final int INTERNAL_AUTHENTICATE = 0x88;
}
