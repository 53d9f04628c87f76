package dev.proofdesk.passport;

import dev.proofdesk.passport.mock.MockIssuer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** One mock issuer for the whole test run: generating its RSA-3072 CSCA takes a while. */
public final class TestPki {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
    public static final LocalDate TODAY = LocalDate.now(CLOCK);

    private TestPki() {
    }

    public static MockIssuer issuer() {
        return Holder.ISSUER;
    }

    /** A second, unrelated installation's issuer, for cross-environment tests. */
    public static MockIssuer otherIssuer() {
        return OtherHolder.ISSUER;
    }

    private static final class Holder {
        static final MockIssuer ISSUER = MockIssuer.create(CLOCK);
    }

    private static final class OtherHolder {
        static final MockIssuer ISSUER = MockIssuer.create(CLOCK);
    }
}
