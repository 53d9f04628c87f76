package dev.proofdesk.sdk.webhook;

import java.util.Base64;

/**
 * A webhook signing secret, {@code whsec_test_…} or {@code whsec_live_…}: the tag says which
 * environment's events it signs, and the base64 after the tag is the HMAC key.
 */
public record WebhookSecret(boolean livemode, byte[] key) {
    static final String TEST_PREFIX = "whsec_test_";
    static final String LIVE_PREFIX = "whsec_live_";

    public WebhookSecret {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("a webhook secret's key is at least 16 bytes");
        }
        key = key.clone();
    }

    /** Reads {@code whsec_test_<base64>} or {@code whsec_live_<base64>}. */
    public static WebhookSecret parse(String text) {
        if (text == null || text.isBlank()) {
            throw new WebhookVerificationException("No webhook secret given. Pass the endpoint's secret "
                    + "(whsec_test_… or whsec_live_…), e.g. from PROOFDESK_WEBHOOK_SECRET.");
        }
        String secret = text.trim();
        boolean live;
        if (secret.startsWith(TEST_PREFIX)) {
            live = false;
        } else if (secret.startsWith(LIVE_PREFIX)) {
            live = true;
        } else if (secret.startsWith("sk_") || secret.startsWith("pk_")) {
            throw new WebhookVerificationException("An API key was given as the webhook secret. Pass the endpoint's "
                    + "signing secret (whsec_test_… or whsec_live_…), shown when the endpoint was created or its "
                    + "secret rotated.");
        } else if (secret.startsWith("whsec_")) {
            throw new WebhookVerificationException("This webhook secret has no environment tag (whsec_… instead of "
                    + "whsec_test_… or whsec_live_…): it looks converted for a Standard Webhooks library. Pass the "
                    + "secret exactly as Proofdesk issued it; this SDK reads the tag to refuse events of the other "
                    + "environment. Strip the tag only for other libraries.");
        } else {
            throw new WebhookVerificationException("The webhook secret must start with whsec_test_ or whsec_live_; "
                    + "copy it from the endpoint (shown when it was created or rotated).");
        }
        try {
            return new WebhookSecret(live, Base64.getDecoder().decode(secret.substring(TEST_PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new WebhookVerificationException("The webhook secret is damaged: the part after "
                    + secret.substring(0, TEST_PREFIX.length()) + " is not base64 of at least 16 bytes.");
        }
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The secret as issued: tag plus base64 key. */
    public String text() {
        return (livemode ? LIVE_PREFIX : TEST_PREFIX) + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return (livemode ? LIVE_PREFIX : TEST_PREFIX) + "…";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret s && s.livemode == livemode
                && java.security.MessageDigest.isEqual(s.key, key);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(key);
    }
}
