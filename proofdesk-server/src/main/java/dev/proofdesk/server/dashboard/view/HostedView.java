package dev.proofdesk.server.dashboard.view;

import dev.proofdesk.server.session.SessionResult;
import dev.proofdesk.server.testhelper.MockPassport;

import java.util.List;

/**
 * The hosted verification page: what the flow is and reveals, and either the way to complete it (mock
 * passports in test; in live a QR code and deep link for a phone that relays the chip, and the
 * command for a desk card reader) or the outcome.
 */
public record HostedView(
        String sessionId,
        String token,
        boolean livemode,
        String status,
        String flowName,
        List<String> disclosed,
        List<String> rules,
        SessionResult result,
        List<MockPassport> passports,
        String deepLink,
        String tapCommand,
        Qr qr,
        String continueUrl,
        FormState form) {

    /** A QR code as an SVG path over a square of {@code size} modules (quiet zone included). */
    public record Qr(String path, int size) {
    }

    public boolean pending() {
        return "pending".equals(status);
    }

    public boolean waiting() {
        return "pending".equals(status) || "processing".equals(status);
    }

    public String selfUrl() {
        return "/verify/" + sessionId + "?token=" + token;
    }

    public String statusUrl() {
        return "/verify/" + sessionId + "/status?token=" + token;
    }
}
