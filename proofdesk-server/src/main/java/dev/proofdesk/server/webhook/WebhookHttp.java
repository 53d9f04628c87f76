package dev.proofdesk.server.webhook;

import dev.proofdesk.server.config.ConfigException;
import dev.proofdesk.server.store.Environment;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The HTTP client of one environment's deliveries: no redirects, optional extra trusted CAs, and
 * name resolution through the {@link UrlPolicy}, so a connection only ever goes to an address the
 * policy checked (a name re-pointed between a check and the connection reaches nothing).
 */
final class WebhookHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private WebhookHttp() {
    }

    /**
     * The client, started on first use: a command that opens the stores and never delivers (every CLI
     * command) does not pay for a TLS context and a thread pool. An extra CA file is still read at once,
     * so a bad one stops the server at start instead of at its first delivery.
     */
    static final class Lazy implements Supplier<HttpClient>, AutoCloseable {
        private final Supplier<HttpClient> start;
        private HttpClient client;
        private boolean closed;

        Lazy(Environment env, UrlPolicy urls, Optional<Path> extraCaFile, int maxConnectionsPerHost) {
            extraCaFile.ifPresent(WebhookHttp::sslContext);
            this.start = () -> client(env, urls, extraCaFile, maxConnectionsPerHost);
        }

        @Override
        public synchronized HttpClient get() {
            if (closed) {
                throw new IllegalStateException("the webhook HTTP client is closed");
            }
            if (client == null) {
                client = start.get();
            }
            return client;
        }

        @Override
        public synchronized void close() {
            closed = true;
            if (client != null) {
                try {
                    client.stop();
                } catch (Exception e) {
                    // stopping: connections still open are dropped either way
                }
            }
        }
    }

    static HttpClient client(Environment env, UrlPolicy urls, Optional<Path> extraCaFile, int maxConnectionsPerHost) {
        SslContextFactory.Client tls = new SslContextFactory.Client();
        extraCaFile.ifPresent(file -> tls.setSslContext(sslContext(file)));
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("webhook-http-" + env.id());
        client.setExecutor(threads);
        client.setFollowRedirects(false);
        client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        client.setMaxConnectionsPerDestination(maxConnectionsPerHost);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "Proofdesk-Webhooks/1"));
        client.setSocketAddressResolver(pinned(env, urls));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the webhook HTTP client", e);
        }
        return client;
    }

    /** Resolves through the policy (off the client's threads: a lookup may block) and hands over only checked addresses. */
    private static SocketAddressResolver pinned(Environment env, UrlPolicy urls) {
        return (host, port, context, promise) -> Thread.ofVirtual().name("webhook-resolve-" + env.id()).start(() -> {
            try {
                promise.succeeded(urls.addresses(env, host).stream()
                        .map(address -> new InetSocketAddress(address, port)).toList());
            } catch (UnknownHostException | RuntimeException e) {
                promise.failed(e);
            }
        });
    }

    private static SSLContext sslContext(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore extra = KeyStore.getInstance(KeyStore.getDefaultType());
            extra.load(null, null);
            int n = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                extra.setCertificateEntry("extra-" + n++, cert);
            }
            X509TrustManager system = trustManager(null);
            X509TrustManager added = trustManager(extra);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new EitherTrustManager(system, added)}, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("PROOFDESK_WEBHOOK_CA_FILE " + file + " is not a PEM file of certificates: "
                    + e.getMessage());
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** Trusts a server that either the JDK's anchors or the operator's extra CAs vouch for. */
    private record EitherTrustManager(X509TrustManager first, X509TrustManager second) implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
