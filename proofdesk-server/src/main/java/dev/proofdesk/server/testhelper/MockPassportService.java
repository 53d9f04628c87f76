package dev.proofdesk.server.testhelper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import dev.proofdesk.passport.lds.Mrz;
import dev.proofdesk.passport.mock.ChipAccess;
import dev.proofdesk.passport.mock.ChipAuthentication;
import dev.proofdesk.passport.aa.ChipSigner;
import dev.proofdesk.passport.mock.Defect;
import dev.proofdesk.passport.mock.MockDocument;
import dev.proofdesk.passport.mock.MockDocumentSpec;
import dev.proofdesk.passport.mock.MockIssuer;
import dev.proofdesk.passport.mock.SignatureAlgorithm;
import dev.proofdesk.passport.sanctions.SanctionsEntry;
import dev.proofdesk.passport.sanctions.SanctionsTestIdentity;
import dev.proofdesk.server.error.ApiException;
import dev.proofdesk.server.error.Resource;
import dev.proofdesk.server.error.Issue;
import dev.proofdesk.server.flow.Countries;
import dev.proofdesk.server.security.MasterKey;
import dev.proofdesk.server.store.Ids;
import dev.proofdesk.server.store.Rows;
import dev.proofdesk.server.store.Store;
import dev.proofdesk.server.verification.SanctionsStore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Mock passports of the test environment: documents with the attributes a developer chooses,
 * signed by the deployment's mock issuer. The whole chip is kept (sealed: it holds private keys)
 * for the emulator the test helper relays; so is the active-authentication key, to answer a
 * challenge by hand. Passports made before chips were kept whole have only the key. A passport
 * created with {@code ofac: flagged} lists its holder on the account's test sanctions list.
 */
public final class MockPassportService {
    private static final String CHIP_KEY_PURPOSE = "mock-chip-key";
    private static final String CHIP_IMAGE_PURPOSE = "mock-chip-image";
    private static final Map<String, SignatureAlgorithm> ALGORITHMS = Map.of(
            "RSA-2048", SignatureAlgorithm.RSA_2048, "RSA-PSS", SignatureAlgorithm.RSA_PSS,
            "ECDSA-P256", SignatureAlgorithm.ECDSA_P256);

    private final Store testStore;
    private final Supplier<MockIssuer> issuer;
    private final SanctionsStore testSanctions;
    private final MasterKey masterKey;
    private final Clock clock;
    private final ObjectMapper json;
    private final MockPassportRepository passports = new MockPassportRepository((rs, c) -> map(rs));

    public MockPassportService(Store testStore, Supplier<MockIssuer> issuer, SanctionsStore testSanctions,
                               MasterKey masterKey, Clock clock, ObjectMapper json) {
        this.testStore = testStore;
        this.issuer = issuer;
        this.testSanctions = testSanctions;
        this.masterKey = masterKey;
        this.clock = clock;
        this.json = json;
    }

    /** {@code chipAuthentication}, {@code accessControl} and {@code can} are null for passports made before them. */
    private record Attributes(String documentType, String nationality, String surname, String givenNames,
                              LocalDate dateOfBirth, LocalDate expiryDate, String documentNumber, String gender,
                              String ofac, String defect, String signatureAlgorithm, String chipAuthentication,
                              String accessControl, String can) {
    }

    public MockPassport create(String accountId, MockPassportInput in) {
        MockDocumentSpec spec = spec(in);
        MockDocument doc = issuer.get().issue(spec);
        var d = doc.document();
        boolean flagged = "flagged".equals(in.ofac());
        Attributes attrs = new Attributes(d.documentType().wireName(), d.nationality(), d.surname(), d.givenNames(),
                d.dateOfBirth(), d.expirationDate(), d.documentNumber(), d.gender().name().toLowerCase(Locale.ROOT),
                flagged ? "flagged" : "clear", spec.defect().name().toLowerCase(Locale.ROOT),
                name(spec.signatureAlgorithm()), wire(spec.chipAuthentication()), wire(spec.accessControl()), doc.can());
        String id = Ids.newId();
        long now = clock.millis();
        // A chip without Active Authentication has neither DG15 nor its key: stored as empty text.
        var row = new MockPassportRepository.Row(id, accountId, write(attrs), b64(doc.dg1()), b64(doc.sod()),
                doc.dg15() == null ? "" : b64(doc.dg15()),
                doc.chipKeyPkcs8() == null ? "" : b64(masterKey.seal(doc.chipKeyPkcs8(), CHIP_KEY_PURPOSE)),
                b64(masterKey.seal(doc.chipImage(), CHIP_IMAGE_PURPOSE)), now);
        testStore.writeVoid(h -> {
            passports.insert(h, row);
            if (flagged) {
                testSanctions.addTestIdentity(h, accountId, id, listed(id, d));
            }
        });
        return get(accountId, id);
    }

    public MockPassport get(String accountId, String id) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a mock passport id (a UUID)");
        }
        return testStore.read(h -> passports.find(h, accountId, id))
                .orElseThrow(() -> ApiException.notFound(Resource.MOCK_PASSPORT, id));
    }

    /** Whether the account has this mock passport, e.g. to check a list cursor. */
    public boolean exists(String accountId, String id) {
        return testStore.read(h -> passports.exists(h, accountId, id));
    }

    public List<MockPassport> list(String accountId, String startingAfter, int limit) {
        return testStore.read(h -> passports.list(h, accountId, startingAfter, limit));
    }

    /** The private key of the mock chip, to answer a challenge as a real chip would. */
    public byte[] chipKey(String accountId, String id) {
        String sealed = sealedColumn(accountId, id, MockPassportRepository.Sealed.CHIP_KEY).filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiException.conflict("Mock passport " + id
                        + " has no active-authentication key: its chip proves itself another way, or not at all."));
        return masterKey.open(Base64.getDecoder().decode(sealed), CHIP_KEY_PURPOSE);
    }

    /** The whole mock chip for {@code ChipEmulator.fromImage}; empty for a passport made before chips were kept whole. */
    public Optional<byte[]> chipImage(String accountId, String id) {
        return sealedColumn(accountId, id, MockPassportRepository.Sealed.CHIP_IMAGE)
                .map(sealed -> masterKey.open(Base64.getDecoder().decode(sealed), CHIP_IMAGE_PURPOSE));
    }

    /** One sealed column of the account's mock passport; empty when the column is null. */
    private Optional<String> sealedColumn(String accountId, String id, MockPassportRepository.Sealed column) {
        if (!Ids.isUuid(id)) {
            throw ApiException.validation("id", "'" + id + "' is not a mock passport id (a UUID)");
        }
        return testStore.read(h -> passports.sealed(h, accountId, id, column))
                .orElseThrow(() -> ApiException.notFound(Resource.MOCK_PASSPORT, id));
    }

    /**
     * What the mock chip answers to an active-authentication challenge: its signature, made with the
     * key the chip holds (for a {@code cloned_chip}, not the key its DG15 states).
     */
    public byte[] signChallenge(String accountId, String id, byte[] challenge) {
        return ChipSigner.sign(chipKey(accountId, id), challenge);
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
            if (in.age() < 0 || in.age() > 99) {
                issues.add(new Issue("age", "must be from 0 to 99: an MRZ's two-digit year cannot carry a birth "
                        + "100 or more years ago"));
            } else {
                dob = today.minusYears(in.age()).minusDays(1);
            }
        } else if (in.dateOfBirth() != null) {
            dob = date("dateOfBirth", in.dateOfBirth(), issues);
            if (dob != null && !dob.isBefore(today)) {
                issues.add(new Issue("dateOfBirth", "must be in the past"));
            } else if (dob != null && !Mrz.birthDateAsRead(dob, today).equals(dob)) {
                issues.add(new Issue("dateOfBirth", dob + " cannot be written in an MRZ: its two-digit year reads back as "
                        + Mrz.birthDateAsRead(dob, today) + ". Choose a date of birth less than 100 years ago."));
            }
        }
        if (dob == null) {
            // Unless told otherwise a flagged holder is the built-in list's, so clear defaults never match it.
            dob = flagged ? SanctionsTestIdentity.DATE_OF_BIRTH : today.minusYears(30).minusDays(1);
        }
        String[] names = flagged && in.fullName() == null
                ? new String[]{SanctionsTestIdentity.SURNAME, SanctionsTestIdentity.GIVEN_NAMES}
                : names(in.fullName(), issues);
        String number = flagged && in.documentNumber() == null ? SanctionsTestIdentity.DOCUMENT_NUMBER
                : in.documentNumber();
        if (number != null && !number.matches("[A-Z0-9]{1,9}")) {
            issues.add(new Issue("documentNumber", "must be 1 to 9 capital letters or digits"));
        }
        LocalDate expiry = in.expiryDate() == null ? null : expiry(in.expiryDate(), today, issues);
        DocumentType type = in.documentType() == null || "passport".equals(in.documentType()) ? DocumentType.PASSPORT
                : "id_card".equals(in.documentType()) ? DocumentType.ID_CARD : null;
        if (type == null) {
            issues.add(new Issue("documentType", "must be 'passport' or 'id_card'"));
        }
        Gender gender = enumValue("gender", in.gender(), Gender.class, Gender.UNSPECIFIED, issues);
        Defect defect = enumValue("defect", in.defect(), Defect.class, Defect.NONE, issues);
        ChipAuthentication chip = enumValue("chipAuthentication", in.chipAuthentication(), ChipAuthentication.class,
                ChipAuthentication.ACTIVE, issues);
        ChipAccess access = enumValue("accessControl", in.accessControl(), ChipAccess.class, ChipAccess.BOTH, issues);
        SignatureAlgorithm algorithm = in.signatureAlgorithm() == null ? SignatureAlgorithm.ECDSA_P256
                : ALGORITHMS.get(in.signatureAlgorithm());
        if (algorithm == null) {
            issues.add(new Issue("signatureAlgorithm", "must be one of " + ALGORITHMS.keySet().stream().sorted().toList()));
        }
        if (!issues.isEmpty()) {
            throw ApiException.validation(issues);
        }
        return new MockDocumentSpec(type, nationality, dob, names[0], names[1], gender, number, expiry, algorithm, defect,
                chip, access);
    }

    /** The holder of a flagged mock as a sanctions list names them: name, date of birth, passport. */
    private static SanctionsEntry listed(String id, Document d) {
        return new SanctionsEntry("mock-passport-" + id, List.of(new SanctionsEntry.Name(d.givenNames(), d.surname())),
                List.of(d.dateOfBirth()), List.of(), List.of(new SanctionsEntry.Passport(d.documentNumber(),
                        // Lists name Germany DEU; screening reads a German MRZ's D as DEU too.
                        d.nationality().equals("D") ? "DEU" : d.nationality())));
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

    /** An expiry date the MRZ's two-digit year carries: 1900 to 2099, and within 50 years of today. */
    private static LocalDate expiry(String value, LocalDate today, List<Issue> issues) {
        LocalDate expiry = date("expiryDate", value, issues);
        if (expiry == null) {
            return null;
        }
        if (expiry.getYear() < 1900 || expiry.getYear() > 2099) {
            issues.add(new Issue("expiryDate", "must be from 1900 to 2099: an MRZ keeps two-digit years"));
            return null;
        }
        LocalDate asRead = Mrz.expiryDateAsRead(expiry, today);
        if (!asRead.equals(expiry)) {
            issues.add(new Issue("expiryDate", expiry + " cannot be written in an MRZ: its two-digit year reads back as "
                    + asRead + ". Choose an expiry date within 50 years of today."));
            return null;
        }
        return expiry;
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
            issues.add(new Issue(path, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
            return fallback;
        }
    }

    private static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String name(SignatureAlgorithm algorithm) {
        return ALGORITHMS.entrySet().stream().filter(e -> e.getValue() == algorithm).findFirst().orElseThrow().getKey();
    }

    private MockPassport map(ResultSet rs) throws SQLException {
        try {
            Attributes a = json.readValue(rs.getString("attributes"), Attributes.class);
            String dg15 = rs.getString("dg15");
            // Passports made before the choice existed have Active Authentication and open with BAC.
            return new MockPassport(rs.getString("id"), a.documentType(), a.nationality(), "UTO", a.surname(),
                    a.givenNames(), a.dateOfBirth(), a.expiryDate(), a.documentNumber(), a.gender(), a.ofac(),
                    a.defect(), a.signatureAlgorithm(),
                    a.chipAuthentication() == null ? "active" : a.chipAuthentication(),
                    a.accessControl() == null ? "bac" : a.accessControl(), a.can(),
                    new MockPassport.Chip(rs.getString("dg1"), rs.getString("sod"), dg15.isEmpty() ? null : dg15),
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
