package dev.proofdesk.server.testhelper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsTestIdentity;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.flow.Countries;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import dev.proofdesk.server.store.Store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Mock passports of the test environment: documents with the attributes a developer chooses,
 * signed by the deployment's mock issuer, with a chip key kept (sealed) to answer challenges.
 */
public final class MockPassportService {
    private static final String CHIP_KEY_PURPOSE = "mock-chip-key";
    private static final Map<String, SignatureAlgorithm> ALGORITHMS = Map.of(
            "RSA-2048", SignatureAlgorithm.RSA_2048, "RSA-PSS", SignatureAlgorithm.RSA_PSS,
            "ECDSA-P256", SignatureAlgorithm.ECDSA_P256);

    private final Store testStore;
    private final MockIssuer issuer;
    private final MasterKey masterKey;
    private final Clock clock;
    private final ObjectMapper json;

    public MockPassportService(Store testStore, MockIssuer issuer, MasterKey masterKey, Clock clock, ObjectMapper json) {
        this.testStore = testStore;
        this.issuer = issuer;
        this.masterKey = masterKey;
        this.clock = clock;
        this.json = json;
    }

    private record Attributes(String documentType, String nationality, String surname, String givenNames,
                              LocalDate dateOfBirth, LocalDate expiryDate, String documentNumber, String gender,
                              String ofac, String defect, String signatureAlgorithm) {
    }

    public MockPassport create(String accountId, MockPassportInput in) {
        MockDocumentSpec spec = spec(in);
        MockDocument doc = issuer.issue(spec);
        var d = doc.document();
        Attributes attrs = new Attributes(d.documentType().wireName(), d.nationality(), d.surname(), d.givenNames(),
                d.dateOfBirth(), d.expirationDate(), d.documentNumber(), d.gender().name().toLowerCase(Locale.ROOT),
                "flagged".equals(in.ofac()) ? "flagged" : "clear", spec.defect().name().toLowerCase(Locale.ROOT),
                name(spec.signatureAlgorithm()));
        String id = Ids.newId();
        long now = clock.millis();
        testStore.writeVoid(h -> h.createUpdate("""
                INSERT INTO mock_passports (id, account_id, attributes, dg1, sod, dg15, chip_key, created_at)
                VALUES (:id, :account, :attrs, :dg1, :sod, :dg15, :key, :now)""")
                .bind("id", id).bind("account", accountId).bind("attrs", write(attrs))
                .bind("dg1", b64(doc.dg1())).bind("sod", b64(doc.sod())).bind("dg15", b64(doc.dg15()))
                .bind("key", b64(masterKey.seal(doc.chipKeyPkcs8(), CHIP_KEY_PURPOSE))).bind("now", now).execute());
        return get(accountId, id);
    }

    public MockPassport get(String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a mock passport id (a UUID)");
        }
        return testStore.read(h -> h.createQuery("SELECT * FROM mock_passports WHERE id = :id AND account_id = :a")
                        .bind("id", id).bind("a", accountId).map((rs, c) -> map(rs)).findOne())
                .orElseThrow(() -> ApiException.notFound("Mock passport", id));
    }

    /** Whether the account has this mock passport, e.g. to check a list cursor. */
    public boolean exists(String accountId, String id) {
        return testStore.read(h -> h.createQuery("SELECT COUNT(*) FROM mock_passports WHERE id = :id AND account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(Integer.class).one()) > 0;
    }

    public List<MockPassport> list(String accountId, String startingAfter, int limit) {
        return testStore.read(h -> h.createQuery("SELECT * FROM mock_passports WHERE account_id = :a"
                        + (startingAfter != null ? " AND id < :after" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("a", accountId).bind("after", startingAfter).bind("limit", limit)
                .map((rs, c) -> map(rs)).list());
    }

    /** The private key of the mock chip, to answer a challenge as a real chip would. */
    public byte[] chipKey(String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a mock passport id (a UUID)");
        }
        String sealed = testStore.read(h -> h.createQuery(
                        "SELECT chip_key FROM mock_passports WHERE id = :id AND account_id = :a")
                .bind("id", id).bind("a", accountId).mapTo(String.class).findOne())
                .orElseThrow(() -> ApiException.notFound("Mock passport", id));
        return masterKey.open(Base64.getDecoder().decode(sealed), CHIP_KEY_PURPOSE);
    }

    private MockDocumentSpec spec(MockPassportInput in) {
        List<Issue> issues = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        String nationality = in.nationality() != null ? in.nationality() : "UTO";
        Countries.problem(nationality).ifPresent(p -> issues.add(new Issue("nationality", p)));
        boolean flagged = "flagged".equals(in.ofac());
        if (in.ofac() != null && !flagged && !"clear".equals(in.ofac())) {
            issues.add(new Issue("ofac", "must be 'clear' or 'flagged'"));
        }
        LocalDate dob = null;
        if (in.age() != null && in.dateOfBirth() != null) {
            issues.add(new Issue("age", "give age or dateOfBirth, not both"));
        } else if (in.age() != null) {
            if (in.age() < 0 || in.age() > 120) {
                issues.add(new Issue("age", "must be from 0 to 120"));
            } else {
                dob = today.minusYears(in.age()).minusDays(1);
            }
        } else if (in.dateOfBirth() != null) {
            dob = date("dateOfBirth", in.dateOfBirth(), issues);
            if (dob != null && !dob.isBefore(today)) {
                issues.add(new Issue("dateOfBirth", "must be in the past"));
            }
        }
        if (flagged) {
            // The built-in test sanctions list names exactly this identity.
            if (dob != null && !dob.equals(SanctionsTestIdentity.DATE_OF_BIRTH)) {
                issues.add(new Issue(in.age() != null ? "age" : "dateOfBirth", "ofac 'flagged' uses the listed test "
                        + "identity, born " + SanctionsTestIdentity.DATE_OF_BIRTH + "; leave it out"));
            }
            if (in.fullName() != null || in.documentNumber() != null) {
                issues.add(new Issue("ofac", "'flagged' uses the listed identity's name and document number; "
                        + "leave fullName and documentNumber out"));
            }
            dob = SanctionsTestIdentity.DATE_OF_BIRTH;
        }
        if (dob == null) {
            dob = today.minusYears(30).minusDays(1);
        }
        String[] names = flagged ? new String[]{SanctionsTestIdentity.SURNAME, SanctionsTestIdentity.GIVEN_NAMES}
                : names(in.fullName(), issues);
        String number = flagged ? SanctionsTestIdentity.DOCUMENT_NUMBER : in.documentNumber();
        if (number != null && !number.matches("[A-Z0-9]{1,9}")) {
            issues.add(new Issue("documentNumber", "must be 1 to 9 capital letters or digits"));
        }
        LocalDate expiry = in.expiryDate() == null ? null : date("expiryDate", in.expiryDate(), issues);
        DocumentType type = in.documentType() == null || "passport".equals(in.documentType()) ? DocumentType.PASSPORT
                : "id_card".equals(in.documentType()) ? DocumentType.ID_CARD : null;
        if (type == null) {
            issues.add(new Issue("documentType", "must be 'passport' or 'id_card'"));
        }
        Gender gender = enumValue("gender", in.gender(), Gender.class, Gender.UNSPECIFIED, issues);
        Defect defect = enumValue("defect", in.defect(), Defect.class, Defect.NONE, issues);
        SignatureAlgorithm algorithm = in.signatureAlgorithm() == null ? SignatureAlgorithm.ECDSA_P256
                : ALGORITHMS.get(in.signatureAlgorithm());
        if (algorithm == null) {
            issues.add(new Issue("signatureAlgorithm", "must be one of " + ALGORITHMS.keySet().stream().sorted().toList()));
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new MockDocumentSpec(type, nationality, dob, names[0], names[1], gender, number, expiry, algorithm, defect);
    }

    private static String[] names(String fullName, List<Issue> issues) {
        if (fullName == null) {
            return new String[]{"MOCK", "ALEX"};
        }
        String cleaned = fullName.strip().toUpperCase(Locale.ROOT);
        if (!cleaned.matches("[A-Z][A-Z '\\-]{0,60}")) {
            issues.add(new Issue("fullName", "use latin letters, spaces, hyphens or apostrophes, e.g. 'Jane Doe'"));
            return new String[]{"MOCK", "ALEX"};
        }
        int space = cleaned.lastIndexOf(' ');
        // "Jane Mary Doe": the last word is the surname, the rest given names.
        return space < 0 ? new String[]{cleaned, ""}
                : new String[]{cleaned.substring(space + 1), cleaned.substring(0, space)};
    }

    private static LocalDate date(String path, String value, List<Issue> issues) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            issues.add(new Issue(path, "must be a date like 1990-04-23"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String path, String value, Class<E> type, E fallback,
                                                   List<Issue> issues) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            issues.add(new Issue(path, "'" + value + "' is not one of " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            return fallback;
        }
    }

    private static String name(SignatureAlgorithm algorithm) {
        return ALGORITHMS.entrySet().stream().filter(e -> e.getValue() == algorithm).findFirst().orElseThrow().getKey();
    }

    private MockPassport map(ResultSet rs) throws SQLException {
        try {
            Attributes a = json.readValue(rs.getString("attributes"), Attributes.class);
            return new MockPassport(rs.getString("id"), a.documentType(), a.nationality(), "UTO", a.surname(),
                    a.givenNames(), a.dateOfBirth(), a.expiryDate(), a.documentNumber(), a.gender(), a.ofac(),
                    a.defect(), a.signatureAlgorithm(),
                    new MockPassport.Chip(rs.getString("dg1"), rs.getString("sod"), rs.getString("dg15")),
                    false, Rows.requiredInstant(rs, "created_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
