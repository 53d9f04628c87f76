package dev.proofdesk.server.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proofdesk.passport.Check;
import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.Outcome;
import dev.proofdesk.passport.VerificationResult;
import dev.proofdesk.server.flow.FlowDefinition.Disclosures;
import dev.proofdesk.server.session.SessionStatus;
import dev.proofdesk.server.session.Verdict;

import java.util.Locale;

/**
 * Turns a verification into what a session keeps: every check with its code, and of the document
 * only the attributes the flow discloses. Nothing else of the chip data is ever stored.
 */
final class ResultWriter {
    private final ObjectMapper json;

    ResultWriter(ObjectMapper json) {
        this.json = json;
    }

    Verdict verdict(VerificationResult result, Disclosures disclosures, String nullifier) {
        ObjectNode out = json.createObjectNode();
        ArrayNode checks = out.putArray("checks");
        for (Check check : result.checks()) {
            checks.addObject().put("name", check.name()).put("passed", check.passed())
                    .put("code", check.code() == null ? null : check.code().wireName()).put("skipped", check.skipped());
        }
        ObjectNode attributes = out.putObject("attributes");
        result.document().ifPresent(doc -> disclose(doc, disclosures, attributes));
        out.put("nullifier", nullifier);
        out.put("chipAuthentication", result.chipAuthentication().wireName());
        ArrayNode warnings = out.putArray("warnings");
        result.warnings().forEach(warnings::add);
        SessionStatus status = switch (result.outcome()) {
            case Outcome.Valid v -> SessionStatus.VALID;
            case Outcome.Invalid i -> SessionStatus.INVALID;
            case Outcome.Error e -> {
                out.put("error", e.code().wireName());
                out.put("errorMessage", e.reason());
                yield SessionStatus.ERROR;
            }
        };
        return new Verdict(status, out, nullifier);
    }

    private static void disclose(Document doc, Disclosures d, ObjectNode out) {
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
