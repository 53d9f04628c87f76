package dev.proofdesk.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a JFR recording's execution samples of the server by what the sampled stack was doing:
 * cryptography anywhere in the stack (signatures, key agreement, ciphers, MACs, digests, big-integer
 * arithmetic), else creating a session, else everything else (relay frames, the terminal's APDU
 * handling, parsing, the verdict's storage, HTTP). A sample is one thread caught running Java code,
 * so the shares apply to the CPU of Java threads, not to GC or the JIT compilers.
 */
final class SampleSplit {
    enum Kind {
        CRYPTO, SESSION_CREATION, OTHER
    }

    /** Classes whose frames are cryptographic work; BouncyCastle's ASN.1 and certificate parsing are not. */
    private static final List<String> CRYPTO = List.of("javax.crypto.", "com.sun.crypto.provider.",
            "sun.security.rsa.", "sun.security.ec.", "sun.security.provider.", "sun.security.util.math.",
            "java.security.Signature", "java.security.MessageDigest", "java.security.KeyPairGenerator",
            "java.security.KeyFactory", "java.security.SecureRandom", "java.math.BigInteger", "java.math.MutableBigInteger",
            "org.bouncycastle.crypto.", "org.bouncycastle.math.", "org.bouncycastle.jcajce.provider.",
            "org.bouncycastle.jce.provider.", "org.bouncycastle.operator.");
    /** Session creation, with the API-key check that only it needs (the relay is authorised by the client secret). */
    private static final List<String> SESSION_CREATION = List.of("dev.proofdesk.server.session.SessionRoutes",
            "dev.proofdesk.server.session.SessionService.create", "dev.proofdesk.server.http.Auth",
            "dev.proofdesk.server.apikey.");

    private SampleSplit() {
    }

    /** Samples per kind in the recording. */
    static Map<Kind, Long> of(Path recording) throws IOException {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            counts.put(k, 0L);
        }
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    counts.merge(kind(e.getStackTrace().getFrames()), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private static Kind kind(List<RecordedFrame> frames) {
        boolean creating = false;
        for (RecordedFrame f : frames) {
            if (!f.isJavaFrame()) {
                continue;
            }
            String method = f.getMethod().getType().getName() + "." + f.getMethod().getName();
            if (CRYPTO.stream().anyMatch(method::startsWith)) {
                return Kind.CRYPTO;
            }
            creating |= SESSION_CREATION.stream().anyMatch(method::startsWith);
        }
        return creating ? Kind.SESSION_CREATION : Kind.OTHER;
    }
}
