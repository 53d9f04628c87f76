package dev.proofdesk.passport.aa;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActiveAuthenticationTest {
    static final byte[] CHALLENGE = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, (byte) 0x88};
    static KeyPair rsa;
    static KeyPair ec;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator r = KeyPairGenerator.getInstance("RSA");
        r.initialize(1024);
        rsa = r.generateKeyPair();
        KeyPairGenerator e = KeyPairGenerator.getInstance("EC");
        e.initialize(new ECGenParameterSpec("secp256r1"));
        ec = e.generateKeyPair();
    }

    static SubjectPublicKeyInfo spki(KeyPair k) {
        return SubjectPublicKeyInfo.getInstance(k.getPublic().getEncoded());
    }

    @Test
    void rsaIso9796WithSha256ExplicitTrailer() {
        byte[] sig = ChipSigner.sign(rsa.getPrivate().getEncoded(), CHALLENGE);
        assertThat(sig[0] != 0 || sig.length == 128).isTrue();
        assertThat(ActiveAuthentication.verify(spki(rsa), CHALLENGE, sig)).isTrue();
        assertThat(ActiveAuthentication.verify(spki(rsa), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, sig)).isFalse();
    }

    @Test
    void rsaIso9796WithSha1ImplicitTrailerAsOlderChipsSign() {
        byte[] sig = ChipSigner.sign(rsa.getPrivate().getEncoded(), CHALLENGE, true);
        assertThat(ActiveAuthentication.verify(spki(rsa), CHALLENGE, sig)).isTrue();
        sig[5] ^= 1;
        assertThat(ActiveAuthentication.verify(spki(rsa), CHALLENGE, sig)).isFalse();
    }

    @Test
    void ecdsaPlainSignature() {
        byte[] sig = ChipSigner.sign(ec.getPrivate().getEncoded(), CHALLENGE);
        assertThat(sig).hasSize(64);
        assertThat(ActiveAuthentication.verify(spki(ec), CHALLENGE, sig)).isTrue();
        assertThat(ActiveAuthentication.verify(spki(ec), new byte[8], sig)).isFalse();
    }

    @Test
    void ecdsaDerSignatureFromAnotherStack() throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(ec.getPrivate());
        s.update(CHALLENGE);
        byte[] der = s.sign();
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(ActiveAuthentication.verify(spki(ec), CHALLENGE, der)).isTrue();
    }

    @Test
    void wrongKeyTypeOrGarbageIsFalseNotAnException() {
        byte[] sig = ChipSigner.sign(ec.getPrivate().getEncoded(), CHALLENGE);
        assertThat(ActiveAuthentication.verify(spki(rsa), CHALLENGE, sig)).isFalse();
        assertThat(ActiveAuthentication.verify(spki(rsa), CHALLENGE, new BigInteger("123456789").toByteArray())).isFalse();
        assertThat(ActiveAuthentication.verify(spki(ec), CHALLENGE, new byte[] {0x30, 0x01})).isFalse();
        assertThat(ActiveAuthentication.verify(spki(ec), CHALLENGE, null)).isFalse();
    }
}
