package dev.proofdesk.server.testhelper;

import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.server.session.Session;
import dev.proofdesk.server.verification.SubmissionInput;
import dev.proofdesk.server.verification.VerificationService;

import java.util.Base64;

/**
 * The holder's side of a test session, performed for real with a mock passport: fetch the challenge,
 * sign it with the mock chip's key, submit the chip data to the same verifier live uses. The test
 * helper API and the hosted verification page both complete sessions through here.
 */
public final class MockHolder {
    private final MockPassportService passports;
    private final VerificationService testVerification;

    public MockHolder(MockPassportService passports, VerificationService testVerification) {
        this.passports = passports;
        this.testVerification = testVerification;
    }

    public Session complete(String accountId, String sessionId, String clientSecret, String mockPassportId) {
        MockPassport passport = passports.get(accountId, mockPassportId);
        byte[] chipKey = passports.chipKey(accountId, mockPassportId);
        String challenge = testVerification.challenge(sessionId, clientSecret);
        byte[] signature = ChipSigner.sign(chipKey, Base64.getDecoder().decode(challenge));
        return testVerification.submit(sessionId, clientSecret, new SubmissionInput(passport.chip().dg1(),
                passport.chip().sod(), passport.chip().dg15(), Base64.getEncoder().encodeToString(signature)));
    }
}
