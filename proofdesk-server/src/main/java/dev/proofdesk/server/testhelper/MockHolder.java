package dev.proofdesk.server.testhelper;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.chip.AccessKey;
import dev.proofdesk.passport.emulator.ChipEmulator;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.relay.RelayClient;
import dev.proofdesk.server.relay.RelayError;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.verification.SubmissionInput;
import dev.proofdesk.server.verification.VerificationService;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The holder's side of a test session, performed for real with a mock passport: its emulated chip
 * is relayed through a real chip relay WebSocket on this server into the same terminal and verifier
 * a live read goes through, opened with the MRZ key (the CAN for a PACE-only chip). Passports made
 * before chips were kept whole answer a challenge and submit instead. The test helper API and the
 * hosted verification page both complete sessions through here.
 */
public final class MockHolder {
    private static final DateTimeFormatter MRZ_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private final MockPassportService passports;
    private final VerificationService testVerification;
    private final RelayClient relay;
    private final Supplier<URI> server;
    private final Duration relayLimit;

    /**
     * @param server this server's own bound address ({@code ws://127.0.0.1:<port>}), known once it listens
     * @param relayLimit the longest one relayed read may take
     */
    public MockHolder(MockPassportService passports, VerificationService testVerification, RelayClient relay,
                      Supplier<URI> server, Duration relayLimit) {
        this.passports = passports;
        this.testVerification = testVerification;
        this.relay = relay;
        this.server = server;
        this.relayLimit = relayLimit;
    }

    public Session complete(String accountId, String sessionId, String clientSecret, String mockPassportId) {
        MockPassport passport = passports.get(accountId, mockPassportId);
        Optional<byte[]> image = passports.chipImage(accountId, mockPassportId);
        if (image.isEmpty()) {
            return submit(accountId, sessionId, clientSecret, passport);
        }
        URI chip = server.get().resolve("/v1/sessions/" + sessionId + "/chip");
        RelayClient.Outcome outcome = relay.relay(chip, clientSecret, accessKey(passport),
                ChipEmulator.fromImage(image.get()), relayLimit, step -> { });
        return switch (outcome) {
            case RelayClient.Outcome.Verdict verdict -> testVerification.holder().session(sessionId, clientSecret);
            case RelayClient.Outcome.Refused refused -> throw refusal(sessionId, refused);
        };
    }

    /** PACE-only chips are opened with the card access number, every other chip with the MRZ. */
    public static AccessKey accessKey(MockPassport passport) {
        if ("pace".equals(passport.accessControl()) && passport.can() != null) {
            return new AccessKey.Can(passport.can());
        }
        return new AccessKey.Mrz(passport.documentNumber(), mrz(passport.dateOfBirth()), mrz(passport.expiryDate()));
    }

    private static String mrz(LocalDate date) {
        return date.format(MRZ_DATE);
    }

    /**
     * A relay that ended without a verdict. Every relay error is decided here (the switch has no
     * default, so a new one must be); besides them only the handshake ({@code not_found} for a
     * session that went away) and the connection can refuse.
     */
    static ApiException refusal(String sessionId, RelayClient.Outcome.Refused refused) {
        Optional<RelayError> error = refused.relayError();
        if (error.isEmpty()) {
            return "not_found".equals(refused.code()) ? ApiException.notFound(Resource.SESSION, sessionId) : unreadable(refused);
        }
        return switch (error.get()) {
            case SESSION_NOT_PENDING, RELAY_BUSY -> ApiException.conflict(refused.message());
            // The emulated chip is always present and answers at once, with keys this server issued:
            // any of these is this server's fault, never the caller's.
            case INVALID_MESSAGE, INVALID_ACCESS_KEY, ACCESS_DENIED, ACCESS_UNSUPPORTED, NOT_A_TRAVEL_DOCUMENT,
                 CHIP_ERROR, APDU_TIMEOUT, READ_TIMEOUT, INTERNAL_ERROR, DISCONNECTED -> unreadable(refused);
        };
    }

    private static ApiException unreadable(RelayClient.Outcome.Refused refused) {
        return new ApiException(500, "internal_error", "The emulated chip of the mock passport could not "
                + "be read through the relay (" + refused.code() + "): " + refused.message());
    }

    /** The way passports without a chip image complete: sign the session's challenge, submit the files. */
    private Session submit(String accountId, String sessionId, String clientSecret, MockPassport passport) {
        byte[] chipKey = passports.chipKey(accountId, passport.id());
        String challenge = testVerification.challenge(sessionId, clientSecret);
        byte[] signature = ChipSigner.sign(chipKey, Base64.getDecoder().decode(challenge));
        return testVerification.submit(sessionId, clientSecret, new SubmissionInput(passport.chip().dg1(),
                passport.chip().sod(), passport.chip().dg15(), Base64.getEncoder().encodeToString(signature)));
    }
}
