package dev.proofdesk.server.verification;

import dev.proofdesk.passport.Check;
import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.Outcome;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.server.flow.FlowDefinition.Disclosures;
import dev.proofdesk.server.session.SessionResult;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.session.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a verification into what a session keeps: every check with its code, and of the document
 * only the attributes the flow discloses. Nothing else of the chip data is ever stored.
 */
final class ResultWriter {
    private ResultWriter() {
    }

    static Verdict verdict(VerificationResult result, Disclosures disclosures, String nullifier) {
        List<SessionResult.Check> checks = result.checks().stream().map(ResultWriter::check).toList();
        Map<String, String> attributes = new LinkedHashMap<>();
        result.document().ifPresent(doc -> disclose(doc, disclosures, attributes));
        SessionStatus status = switch (result.outcome()) {
            case Outcome.Valid v -> SessionStatus.VALID;
            case Outcome.Invalid i -> SessionStatus.INVALID;
            case Outcome.Error e -> SessionStatus.ERROR;
        };
        Outcome.Error error = result.outcome() instanceof Outcome.Error e ? e : null;
        return new Verdict(status, new SessionResult(checks, attributes, nullifier,
                result.chipAuthentication().wireName(), result.warnings(),
                error == null ? null : error.code().wireName(), error == null ? null : error.reason()));
    }

    private static SessionResult.Check check(Check check) {
        return new SessionResult.Check(check.name(), check.passed(),
                check.code() == null ? null : check.code().wireName(), check.skipped());
    }

    private static void disclose(Document doc, Disclosures d, Map<String, String> out) {
        if (d.nationality()) {
            out.put("nationality", doc.nationality());
        }
        if (d.dateOfBirth()) {
            out.put("dateOfBirth", doc.dateOfBirth().toString());
        }
        if (d.fullName()) {
            out.put("fullName", doc.fullName());
        }
        if (d.documentNumber()) {
            out.put("documentNumber", doc.documentNumber());
        }
        if (d.gender()) {
            out.put("gender", doc.gender().name().toLowerCase(Locale.ROOT));
        }
        if (d.expirationDate()) {
            out.put("expirationDate", doc.expirationDate().toString());
        }
        if (d.issuingState()) {
            out.put("issuingState", doc.issuingState());
        }
    }
}
