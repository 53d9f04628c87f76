package dev.proofdesk.server.apikey;

import dev.proofdesk.server.security.Crypto;
import dev.proofdesk.server.store.Environment;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * {@code sk_test_} + 32 random base62 characters + a 6-character CRC32 checksum, so that secret
 * scanners can tell a real key from a random string without asking the server.
 */
public final class ApiKeyFormat {
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;

    private ApiKeyFormat() {
    }

    public record Parsed(KeyKind kind, Environment environment) {
    }

    public static String generate(KeyKind kind, Environment environment) {
        String body = kind.prefix() + "_" + environment.id() + "_" + Crypto.randomBase62(RANDOM_LENGTH);
        return body + checksum(body);
    }

    /** Parses the shape of a key; empty when it is not a well-formed Proofdesk key. */
    public static Optional<Parsed> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        for (KeyKind kind : KeyKind.values()) {
            for (Environment env : Environment.values()) {
                String prefix = kind.prefix() + "_" + env.id() + "_";
                if (key.startsWith(prefix) && key.length() == prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH
                        && key.chars().skip(prefix.length()).allMatch(ApiKeyFormat::isBase62)) {
                    String body = key.substring(0, key.length() - CHECKSUM_LENGTH);
                    String sum = key.substring(key.length() - CHECKSUM_LENGTH);
                    return Crypto.constantTimeEquals(checksum(body), sum)
                            ? Optional.of(new Parsed(kind, env)) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Crypto.base62(crc.getValue(), CHECKSUM_LENGTH);
    }

    private static boolean isBase62(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
