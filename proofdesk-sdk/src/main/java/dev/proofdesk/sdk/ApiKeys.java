package dev.proofdesk.sdk;

import dev.proofdesk.sdk.exception.MalformedApiKeyException;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The shape of a secret key, checked on the client so that a typo or a pasted publishable key
 * fails at once, without a request: {@code sk_test_} or {@code sk_live_}, 32 base62 characters,
 * and a 6-character base62 CRC32 of everything before it.
 */
final class ApiKeys {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_LENGTH = 32;
    private static final int CHECKSUM_LENGTH = 6;
    private static final int PREFIX_LENGTH = "sk_test_".length();

    private ApiKeys() {
    }

    /** Returns whether the key is a live key, or refuses it; the message never repeats the key. */
    static boolean livemode(String key) {
        if (key == null || key.isBlank()) {
            throw new MalformedApiKeyException("No API key. Pass your secret key (sk_test_… or sk_live_…) to "
                    + "Proofdesk.builder().apiKey(…).");
        }
        if (key.startsWith("pk_")) {
            throw new MalformedApiKeyException("A publishable key (pk_…) was given; the API client needs a secret "
                    + "key (sk_test_… or sk_live_…), used only on your server.");
        }
        if (key.startsWith("whsec_")) {
            throw new MalformedApiKeyException("A webhook signing secret (whsec_…) was given as the API key. Pass it "
                    + "to Webhooks.constructEvent to verify webhooks; the client needs a secret key (sk_test_… or "
                    + "sk_live_…).");
        }
        boolean live = key.startsWith("sk_live_");
        if (!live && !key.startsWith("sk_test_")) {
            throw new MalformedApiKeyException("The API key must start with sk_test_ or sk_live_; check that the "
                    + "whole secret key was copied.");
        }
        String prefix = key.substring(0, PREFIX_LENGTH);
        if (key.length() != PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH) {
            throw new MalformedApiKeyException("The " + prefix + "… key has " + key.length() + " characters, but "
                    + "Proofdesk keys have " + (PREFIX_LENGTH + RANDOM_LENGTH + CHECKSUM_LENGTH)
                    + "; check that it was copied whole, without spaces or quotes.");
        }
        if (!key.chars().skip(PREFIX_LENGTH).allMatch(c -> BASE62.indexOf(c) >= 0)) {
            throw new MalformedApiKeyException("The " + prefix + "… key contains characters other than letters "
                    + "and digits after its prefix; check that it was copied whole.");
        }
        String body = key.substring(0, key.length() - CHECKSUM_LENGTH);
        if (!checksum(body).equals(key.substring(key.length() - CHECKSUM_LENGTH))) {
            throw new MalformedApiKeyException("The " + prefix + "… key's checksum does not match: a character "
                    + "was changed or mistyped. Copy the key again.");
        }
        return live;
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }
}
