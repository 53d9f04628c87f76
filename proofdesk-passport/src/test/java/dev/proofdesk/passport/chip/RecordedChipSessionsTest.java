package dev.proofdesk.passport.chip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proofdesk.passport.lds.CardSecurity;
import dev.proofdesk.passport.pki.IssuerStatus;
import dev.proofdesk.passport.pki.PassiveAuthenticator;
import dev.proofdesk.passport.pki.TrustAnchors;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import net.sf.scuba.tlv.TLVUtil;
import org.jmrtd.PassportService;
import org.jmrtd.Util;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.ChipAuthenticationPublicKeyInfo;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.icao.DG14File;
import org.jmrtd.protocol.AESSecureMessagingWrapper;
import org.jmrtd.protocol.EACCAAPDUSender;
import org.jmrtd.protocol.EACCAProtocol;
import org.jmrtd.protocol.PACEAPDUSender;
import org.jmrtd.protocol.PACEGMWithECDHAgreement;
import org.jmrtd.protocol.PACEProtocol;
import org.jmrtd.protocol.SecureMessagingWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions recorded from real chips and published with the terminal's ephemeral private keys,
 * replayed byte for byte: PACE of a New Zealand passport (3DES) and of a German one (PACE-CAM), and
 * Chip Authentication of an Austrian and a German passport. The
 * terminal runs PACE with JMRTD; here its steps run on the same JMRTD encoders and primitives, in
 * the order {@code PassportService.doPACE} runs them, with the recorded keys in place of fresh
 * ones, against a recorded chip that answers only the exact command it received. The one
 * difference from the live terminal: it also names the domain parameters in MSE:Set AT
 * ({@code 84 01 0D}), which the recording reader left out. For the German passport the recorded
 * EF.CardSecurity reads are unwrapped too, and the chip's PACE-CAM data is checked against the
 * key of that EF.CardSecurity as the verifier does. Chip Authentication replays what
 * {@code PassportService.doEACCA} does after generating its key, and the chip's answer under the
 * new keys, which is what the terminal takes as the proof.
 */
class RecordedChipSessionsTest {
    static final HexFormat HEX = HexFormat.of();

    /** A recording: its values (card access, key seed, terminal keys, session keys) and its exchanges. */
    record Recording(List<String[]> values, List<String[]> exchanges) {
        static Recording load(String name) throws IOException {
            List<String[]> values = new ArrayList<>();
            List<String[]> exchanges = new ArrayList<>();
            try (InputStream in = RecordedChipSessionsTest.class.getResourceAsStream(name);
                 BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
                String command = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("> ")) {
                        command = line.substring(2).strip();
                    } else if (line.startsWith("< ")) {
                        exchanges.add(new String[] {command, line.substring(2).strip()});
                    } else if (!line.isBlank() && !line.startsWith("#")) {
                        values.add(line.split(" ", 2));
                    }
                }
            }
            return new Recording(values, exchanges);
        }

        List<byte[]> all(String key) {
            return values.stream().filter(v -> v[0].equals(key)).map(v -> HEX.parseHex(v[1])).toList();
        }

        byte[] value(String key) {
            return all(key).getFirst();
        }
    }

    /** The recorded chip: answers a command only if it is, byte for byte, the one recorded next. */
    static final class RecordedChip implements ApduChannel {
        private final List<String[]> exchanges;
        private int next;

        RecordedChip(List<String[]> exchanges) {
            this.exchanges = exchanges;
        }

        @Override
        public byte[] transmit(byte[] command) {
            assertThat(next).as("more commands than the recording holds").isLessThan(exchanges.size());
            String[] exchange = exchanges.get(next++);
            assertThat(HEX.formatHex(command)).as("command %d", next).isEqualToIgnoringCase(exchange[0]);
            return HEX.parseHex(exchange[1]);
        }

        void assertAllAnswered() {
            assertThat(next).as("commands replayed").isEqualTo(exchanges.size());
        }
    }

    /** What the replayed PACE agreed. */
    record Pace(SecretKey ksEnc, SecretKey ksMac, PublicKey chipMappingKey, byte[] encryptedChipAuthenticationData) {
    }

    static Pace replayPace(Recording recording, RelayCardService card) throws Exception {
        PACEInfo info = ChipSession.choosePace(new CardAccessFile(new ByteArrayInputStream(recording.value("cardAccess"))));
        String oid = info.getObjectIdentifier();
        ECParameterSpec params = (ECParameterSpec) PACEInfo.toParameterSpec(info.getParameterId());
        String cipher = PACEInfo.toCipherAlgorithm(oid);
        int keyLength = PACEInfo.toKeyLength(oid);
        SecretKey kPi = Util.deriveKey(recording.value("keySeed"), cipher, keyLength, null, Util.PACE_MODE,
                PassportService.MRZ_PACE_KEY_REFERENCE);
        List<byte[]> terminalKeys = recording.all("terminalKey");

        PACEAPDUSender sender = new PACEAPDUSender(card);
        sender.sendMSESetATMutualAuth(null, oid, PassportService.MRZ_PACE_KEY_REFERENCE, null);
        PACEProtocol protocol = new PACEProtocol(sender, null, PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true);
        byte[] nonce = protocol.doPACEStep1(kPi, Cipher.getInstance(cipher + "/CBC/NoPadding"));

        // Generic mapping, as PACEProtocol.doPACEStep2GM sends it, with the recorded mapping key.
        KeyPair mapping = keyPair(params, terminalKeys.get(0));
        byte[] step2 = sender.sendGeneralAuthenticate(null,
                TLVUtil.wrapDO(0x81, PACEProtocol.encodePublicKeyForSmartCard(mapping.getPublic())),
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, false);
        PublicKey chipMappingKey = PACEProtocol.decodePublicKeyFromSmartCard(TLVUtil.unwrapDO(0x82, step2), params);
        PACEGMWithECDHAgreement agreement = new PACEGMWithECDHAgreement();
        agreement.init(mapping.getPrivate());
        ECParameterSpec mapped = PACEProtocol.mapNonceGMWithECDH(nonce, agreement.doPhase(chipMappingKey), params);

        KeyPair ephemeral = keyPair(mapped, terminalKeys.get(1));
        PublicKey chipKey = protocol.doPACEStep3ExchangePublicKeys(ephemeral.getPublic(), mapped);
        byte[] secret = protocol.doPACEStep3KeyAgreement("ECDH", ephemeral.getPrivate(), chipKey);
        SecretKey ksEnc = Util.deriveKey(secret, cipher, keyLength, Util.ENC_MODE);
        SecretKey ksMac = Util.deriveKey(secret, cipher, keyLength, Util.MAC_MODE);
        // Checks the chip's token; throws when it is not the one these keys make.
        byte[] encrypted = protocol.doPACEStep4(oid, PACEInfo.toMappingType(oid), ephemeral, chipKey, ksMac);
        return new Pace(ksEnc, ksMac, chipMappingKey, encrypted);
    }

    static KeyPair keyPair(ECParameterSpec params, byte[] privateKey) throws Exception {
        KeyFactory ec = KeyFactory.getInstance("EC", Util.getBouncyCastleProvider());
        BigInteger s = new BigInteger(1, privateKey);
        ECPoint w = Util.multiply(s, params.getGenerator(), params);
        return new KeyPair(ec.generatePublic(new ECPublicKeySpec(w, params)), ec.generatePrivate(new ECPrivateKeySpec(s, params)));
    }

    /** 3DES keys come back as K1 K2 K1 with DES parity set; the recording gives K1 K2 as derived. */
    static String withoutParity(byte[] key) {
        byte[] bits = Arrays.copyOf(key, 16);
        for (int i = 0; i < bits.length; i++) {
            bits[i] &= (byte) 0xFE;
        }
        return HEX.formatHex(bits);
    }

    @Test
    void aNewZealandPassportsPaceWith3desReplaysByteForByte() throws Exception {
        Recording recording = Recording.load("recorded-nz-pace-gm-3des.txt");
        RecordedChip chip = new RecordedChip(recording.exchanges());
        Pace pace = replayPace(recording, new RelayCardService(chip));

        assertThat(withoutParity(pace.ksEnc().getEncoded())).isEqualTo(withoutParity(recording.value("ksEnc")));
        assertThat(withoutParity(pace.ksMac().getEncoded())).isEqualTo(withoutParity(recording.value("ksMac")));
        assertThat(pace.encryptedChipAuthenticationData()).isNull();
        chip.assertAllAnswered();
    }

    @Test
    void aGermanPassportsPaceCamProvesTheKeyOfItsOwnCardSecurity() throws Exception {
        Recording recording = Recording.load("recorded-de-pace-cam.txt");
        RecordedChip chip = new RecordedChip(recording.exchanges());
        RelayCardService card = new RelayCardService(chip);
        Pace pace = replayPace(recording, card);
        assertThat(HEX.formatHex(pace.ksEnc().getEncoded())).isEqualTo(HEX.formatHex(recording.value("ksEnc")));
        assertThat(HEX.formatHex(pace.ksMac().getEncoded())).isEqualTo(HEX.formatHex(recording.value("ksMac")));

        byte[] cardSecurity = readCardSecurity(card, new AESSecureMessagingWrapper(pace.ksEnc(), pace.ksMac(),
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true, 0L));
        chip.assertAllAnswered();

        CardSecurity parsed = CardSecurity.parse(cardSecurity);
        byte[] mappingKey = PACEProtocol.encodePublicKeyForSmartCard(pace.chipMappingKey());
        byte[] ca = PaceCam.decrypt(pace.ksEnc(), pace.encryptedChipAuthenticationData());
        assertThat(parsed.provenBy(mappingKey, ca)).as("[CA]·PK = PK_Map").isTrue();
        assertThat(parsed.provenBy(mappingKey, withMinusOneAsIv(pace.ksEnc(), pace.encryptedChipAuthenticationData())))
                .as("decrypted with -1 itself as the IV, as JMRTD does").isFalse();

        // Signed by a German document signer; which CSCA issued it this test does not know.
        PassiveAuthenticator.SignerStatus signer = new PassiveAuthenticator(TrustAnchors.of(List.of(), List.of()), List.of())
                .verifySigner(parsed.signer(), parsed.documentSigner(), Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(signer.signatureValid()).isTrue();
        assertThat(signer.issuer()).isEqualTo(IssuerStatus.UNTRUSTED);
        assertThat(parsed.documentSigner().getSubject().toString()).contains("C=DE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"recorded-at-chip-authentication.txt", "recorded-de-chip-authentication.txt"})
    void chipAuthenticationOfARealPassportReplaysByteForByteAndTheChipAnswersUnderTheNewKeys(String name) throws Exception {
        Recording recording = Recording.load(name);
        RecordedChip chip = new RecordedChip(recording.exchanges());
        RelayCardService card = new RelayCardService(chip);
        DG14File dg14 = new DG14File(new ByteArrayInputStream(recording.value("dg14")));
        ChipAuthenticationPublicKeyInfo key = dg14.getChipAuthenticationPublicKeyInfos().getFirst();
        String protocol = ChipProofs.protocolFor(dg14.getChipAuthenticationInfos(), key);
        ECPublicKey chipKey = (ECPublicKey) key.getSubjectPublicKey();
        KeyPair terminal = keyPair(chipKey.getParams(), recording.value("terminalKey"));
        SecureMessagingWrapper before = new AESSecureMessagingWrapper(secretKey(recording.value("ksEnc")),
                secretKey(recording.value("ksMac")), PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true,
                new BigInteger(1, recording.value("ssc")).longValue());

        // What PassportService.doEACCA does after generating its key: send it, agree, restart secure messaging.
        EACCAProtocol.sendPublicKey(new EACCAAPDUSender(card), before, protocol, key.getKeyId(), terminal.getPublic());
        byte[] secret = EACCAProtocol.computeSharedSecret("ECDH", chipKey, terminal.getPrivate());
        SecureMessagingWrapper after = EACCAProtocol.restartSecureMessaging(protocol, secret,
                PassportService.NORMAL_MAX_TRANCEIVE_LENGTH, true);
        assertThat(HEX.formatHex(after.getEncryptionKey().getEncoded())).isEqualToIgnoringCase(
                HEX.formatHex(recording.value("ksEncAfter")));
        assertThat(HEX.formatHex(after.getMACKey().getEncoded())).isEqualToIgnoringCase(
                HEX.formatHex(recording.value("ksMacAfter")));

        // The proof: the chip's answer to the next command carries a MAC under the new keys.
        ResponseAPDU answer = after.unwrap(card.transmit(after.wrap(
                new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x01, 0x0E}))));
        assertThat(answer.getSW()).isEqualTo(0x9000);
        chip.assertAllAnswered();
    }

    static SecretKey secretKey(byte[] aes) {
        return new SecretKeySpec(aes, "AES");
    }

    /** Reads EF.CardSecurity as the recording reader did: its first four bytes, then as much as the chip gives. */
    static byte[] readCardSecurity(RelayCardService card, SecureMessagingWrapper sm) throws Exception {
        ResponseAPDU selected = sm.unwrap(card.transmit(sm.wrap(new CommandAPDU(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x01, 0x1D}))));
        assertThat(selected.getSW()).isEqualTo(0x9000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(readBinary(card, sm, 0, 4));
        byte[] header = file.toByteArray();
        int total = 4 + (((header[2] & 0xFF) << 8) | (header[3] & 0xFF));
        while (file.size() < total) {
            file.writeBytes(readBinary(card, sm, file.size(), Math.min(256, total - file.size())));
        }
        return file.toByteArray();
    }

    private static byte[] readBinary(RelayCardService card, SecureMessagingWrapper sm, int offset, int length) throws Exception {
        ResponseAPDU response = sm.unwrap(card.transmit(sm.wrap(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, length))));
        assertThat(response.getSW()).isEqualTo(0x9000);
        return response.getData();
    }

    private static byte[] withMinusOneAsIv(SecretKey ksEnc, byte[] encrypted) throws Exception {
        byte[] minusOne = new byte[16];
        Arrays.fill(minusOne, (byte) 0xFF);
        Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
        cbc.init(Cipher.DECRYPT_MODE, ksEnc, new IvParameterSpec(minusOne));
        byte[] padded = cbc.doFinal(encrypted);
        return Arrays.copyOf(padded, 32);
    }
}
