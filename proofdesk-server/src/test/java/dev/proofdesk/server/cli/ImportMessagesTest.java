package dev.proofdesk.server.cli;

import dev.proofdesk.server.Application;
import dev.proofdesk.server.apikey.FirstStart;
import dev.proofdesk.server.config.ConfigLoader;
import dev.proofdesk.server.support.Cli.Run;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Random;

import static dev.proofdesk.server.support.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/** What the import commands print: one clear line per problem, and the same spelling everywhere. */
class ImportMessagesTest {

    private static void firstStart(Path dir) {
        try (Application app = Application.open(new ConfigLoader(Map.of()).load(0, dir, null), Clock.systemUTC())) {
            new FirstStart(app.accounts(), app.apiKeys()).run().orElseThrow();
        }
    }

    @Test
    void aBinaryFileGivenAsSdnXmlIsOneClearRefusalWithNothingElseOnTheConsole(@TempDir Path dir) throws Exception {
        firstStart(dir);
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = (byte) 0x9c;
        Path file = Files.write(dir.resolve("SDN.XML"), binary);
        Path badTail = Files.write(dir.resolve("tail.xml"),
                "<?xml version=\"1.0\"?><sdnList>\u00ff".getBytes(StandardCharsets.ISO_8859_1));

        for (Path input : new Path[] {file, badTail}) {
            PrintStream console = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            Run r;
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                r = run("sanctions", "import", input.toString(), "--env", "live", "--data-dir", dir.toString());
            } finally {
                System.setErr(console);
            }
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("not UTF-8 text");
            assertThat(captured.toString(StandardCharsets.UTF_8)).as("printed behind the command's back")
                    .doesNotContain("[Fatal Error]");
        }
    }

    @Test
    void trustListSpellsCountryCodesAsTheImportDoes(@TempDir Path dir) throws Exception {
        firstStart(dir);
        Path der = Files.write(dir.resolve("csca.der"), selfSignedCsca("C=de, O=Bundesdruckerei Test, CN=csca-lower"));
        Run imported = run("trust", "import", der.toString(), "--env", "live", "--data-dir", dir.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("Countries added: DE");
        Run list = run("trust", "list", "--env", "live", "--data-dir", dir.toString());
        assertThat(list.out()).contains("\nDE ").doesNotContain("\nde ");
    }

    private static byte[] selfSignedCsca(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
    }
}
