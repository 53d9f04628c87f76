package dev.proofdesk.server.cli;

import dev.proofdesk.server.support.Cli;
import dev.proofdesk.server.support.Db;
import dev.proofdesk.server.support.MasterKeys;
import dev.proofdesk.server.support.Postgres;
import org.bouncycastle.asn1.icao.CscaMasterList;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** trust import of CMS master lists: a list is only as good as who signed it. */
class TrustMasterListTest {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    private static X509CertificateHolder cert(X500Name issuer, X500Name subject, KeyPair subjectKey, KeyPair issuerKey)
            throws Exception {
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                SubjectPublicKeyInfo.getInstance(subjectKey.getPublic().getEncoded()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate()));
    }

    /** A real ICAO master list: CMS SignedData over a CscaMasterList, with the signer certificate inside. */
    private static byte[] masterList(List<X509CertificateHolder> cscas, X509CertificateHolder signer, KeyPair signerKey)
            throws Exception {
        byte[] content = new CscaMasterList(cscas.stream().map(X509CertificateHolder::toASN1Structure)
                .toArray(Certificate[]::new)).getEncoded();
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(signerKey.getPrivate()), signer));
        g.addCertificate(signer);
        return g.generate(new CMSProcessableByteArray(new ASN1ObjectIdentifier("2.23.136.1.1.2"), content), true)
                .getEncoded();
    }

    private static String sha256(X509CertificateHolder c) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    private static String withColons(String hex) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < hex.length(); i += 2) {
            pairs.add(hex.substring(i, i + 2).toUpperCase());
        }
        return String.join(":", pairs);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void aMasterListImportsOnlyUnderASignerTheOperatorTrusts(Db db) throws Exception {
        Path dir = Files.createTempDirectory("proofdesk-trust");
        List<String> store = db == Db.SQLITE ? List.of("--data-dir", dir.toString())
                : List.of("--data-dir", dir.toString(), "--database-url", Postgres.freshDatabase(),
                        "--master-key-file", MasterKeys.file(dir).toString());

        // Germany's CSCA issues the master-list signer and is itself on the list, as in the German list.
        KeyPair de = ec();
        X500Name deName = new X500Name("C=DE,O=bund,CN=csca-germany");
        X509CertificateHolder deCsca = cert(deName, deName, de, de);
        KeyPair fr = ec();
        X500Name frName = new X500Name("C=FR,CN=CSCA-FRANCE");
        X509CertificateHolder frCsca = cert(frName, frName, fr, fr);
        KeyPair mls = ec();
        X509CertificateHolder signer = cert(deName, new X500Name("C=DE,O=bund,CN=Master List Signer"), mls, de);
        Path genuine = Files.write(dir.resolve("genuine.ml"), masterList(List.of(deCsca, frCsca), signer, mls));

        Cli.Run refused = run(store, "trust", "import", genuine.toString(), "--env", "live");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("not trusted to sign master lists").contains("Nothing was imported")
                .contains("subject:  C=DE,O=bund,CN=Master List Signer").contains("issuer:   C=DE,O=bund,CN=csca-germany")
                .contains("valid:    ").contains(sha256(signer)).contains(sha256(deCsca)).contains("--signer-sha256");
        assertThat(run(store, "trust", "list", "--env", "live").out()).contains("0 certificate(s).")
                .contains("0 master-list signer(s).");

        Cli.Run wrong = run(store, "trust", "import", genuine.toString(), "--env", "live",
                "--signer-sha256", sha256(frCsca));
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("is neither the master list signer's certificate nor the CSCA that issued it");
        Cli.Run malformed = run(store, "trust", "import", genuine.toString(), "--env", "live", "--signer-sha256", "abc");
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).contains("64 hexadecimal digits");

        // The operator checked the German CSCA's fingerprint with its publisher.
        Cli.Run confirmed = run(store, "trust", "import", genuine.toString(), "--env", "live",
                "--signer-sha256", withColons(sha256(deCsca)));
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(confirmed.out()).contains("2 new CSCA certificate(s)").contains("Countries added: DE, FR");
        Cli.Run list = run(store, "trust", "list", "--env", "live");
        assertThat(list.out()).contains("2 certificate(s).").contains(sha256(deCsca)).contains("1 master-list signer(s).");

        // A later list from a new signer the same CSCA issued needs no confirmation.
        KeyPair it = ec();
        X500Name itName = new X500Name("C=IT,CN=CSCA-ITALY");
        KeyPair mls2 = ec();
        X509CertificateHolder signer2 = cert(deName, new X500Name("C=DE,O=bund,CN=Master List Signer 2"), mls2, de);
        Path next = Files.write(dir.resolve("next.ml"),
                masterList(List.of(deCsca, frCsca, cert(itName, itName, it, it)), signer2, mls2));
        Cli.Run later = run(store, "trust", "import", next.toString(), "--env", "live");
        assertThat(later.exit()).as(later.err()).isZero();
        assertThat(later.out()).contains("1 new CSCA certificate(s), 2 already trusted").contains("Countries added: IT");

        // A forged "ICAO Master List Signer", self-signed, with a forged German CSCA: its signature verifies,
        // but nobody the operator trusts signed it.
        KeyPair forger = ec();
        X500Name icao = new X500Name("C=UN,O=ICAO,CN=ICAO Master List Signer");
        X509CertificateHolder forgedSigner = cert(icao, icao, forger, forger);
        KeyPair fake = ec();
        X509CertificateHolder forgedCsca = cert(deName, deName, fake, fake);
        Path forged = Files.write(dir.resolve("forged.ml"), masterList(List.of(forgedCsca), forgedSigner, forger));
        Cli.Run forgery = run(store, "trust", "import", forged.toString(), "--env", "live");
        assertThat(forgery.exit()).isEqualTo(1);
        assertThat(forgery.err()).contains("not trusted to sign master lists").contains(sha256(forgedSigner))
                .contains("subject:  C=UN,O=ICAO,CN=ICAO Master List Signer");
        assertThat(run(store, "trust", "import", forged.toString(), "--env", "live",
                "--signer-sha256", sha256(deCsca)).exit()).as("the genuine CSCA's fingerprint does not vouch for it")
                .isEqualTo(1);
        assertThat(run(store, "trust", "list", "--env", "live").out()).contains("3 certificate(s).")
                .doesNotContain("ICAO Master List Signer");

        // Single certificates import as before; a fingerprint is for master lists only.
        Path single = Files.write(dir.resolve("csca.der"), forgedCsca.getEncoded());
        assertThat(run(store, "trust", "import", single.toString(), "--env", "live",
                "--signer-sha256", sha256(forgedCsca)).err()).contains("applies to master lists only");
        Cli.Run plain = run(store, "trust", "import", single.toString(), "--env", "live");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("1 new CSCA certificate(s)");
    }

    private static Cli.Run run(List<String> store, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(store);
        return Cli.run(all.toArray(String[]::new));
    }
}
