package dev.proofdesk.server.support;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * A self-signed certificate for localhost / 127.0.0.1, made once per run with the JDK's keytool:
 * the key store for an HTTPS receiver, and the certificate as PEM for PROOFDESK_WEBHOOK_CA_FILE.
 */
public final class SelfSignedTls {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SelfSignedTls instance;
    private final Path keyStore;
    private final Path certificatePem;

    private SelfSignedTls(Path keyStore, Path certificatePem) {
        this.keyStore = keyStore;
        this.certificatePem = certificatePem;
    }

    public static synchronized SelfSignedTls get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("proofdesk-tls");
                Path store = dir.resolve("receiver.p12");
                Path pem = dir.resolve("receiver.pem");
                keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "3",
                        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD));
                keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", store.toString(),
                        "-storepass", new String(PASSWORD), "-file", pem.toString());
                instance = new SelfSignedTls(store, pem);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    private static void keytool(String... args) throws IOException {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public Path certificatePem() {
        return certificatePem;
    }

    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
