package dev.proofdesk.passport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import org.jmrtd.Util;
import org.jmrtd.protocol.DESedeSecureMessagingWrapper;
import org.junit.jupiter.api.Test;

/**
 * ICAO Doc 9303 part 11, appendix D: BAC key derivation from the MRZ {@code L898902C<369080619406236},
 * the mutual authentication and the secure messaging worked example, on the emulator's card side
 * and on JMRTD's terminal side. Every value is the published one.
 */
class IcaoAppendixDTest {
    static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final String K_SEED = "239AB9CB282DAF66231DC5A4DF6BFBAE";
    static final String K_ENC = "AB94FDECF2674FDFB9B391F85D7F76F2";
    static final String K_MAC = "7962D9ECE03D1ACD4C76089DCE131543";
    static final String RND_IC = "4608F91988702212";
    static final String RND_IFD = "781723860C06C226";
    static final String K_IFD = "0B795240CB7049B01C19B33E32804F0B";
    static final String K_IC = "0B4F80323EB3191CB04970CB4052790B";
    static final String E_IFD = "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2";
    static final String M_IFD = "5F1448EEA8AD90A7";
    static final String E_IC = "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F";
    static final String M_IC = "2F2D235D074D7449";
    static final String KS_ENC = "979EC13B1CBFE9DCD01AB0FED307EAE5";
    static final String KS_MAC = "F1CB1F1FB5ADF208806B89DC579DC1F8";
    static final String SSC = "887022120C06C226";

    /** The worked example's three protected exchanges: SELECT EF.COM, READ BINARY of 4 bytes, then 18 more. */
    static final List<String[]> EXCHANGES = List.of(
            new String[] {"00A4020C02011E", "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800", "",
                "990290008E08FA855A5D4C50A8ED9000"},
            new String[] {"00B0000004", "0CB000000D9701048E08ED6705417E96BA5500", "60145F01",
                "8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000"},
            new String[] {"00B0000412", "0CB000040D9701128E082EA28A70F3C7B53500", "04303130365F36063034303030305C026175",
                "871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A99029000" + "8E08C8B2787EAEA07D749000"});

    /** Hands out the worked example's random values in order. */
    static final class Scripted extends SecureRandom {
        private final Deque<byte[]> values = new ArrayDeque<>();

        Scripted(String... hex) {
            for (String h : hex) {
                values.add(HEX.parseHex(h));
            }
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] next = values.pop();
            assertThat(next).hasSameSizeAs(bytes);
            System.arraycopy(next, 0, bytes, 0, bytes.length);
        }
    }

    @Test
    void keySeedAndBasicAccessKeysFromTheMrz() throws Exception {
        byte[] seed = Util.computeKeySeed("L898902C<", "690806", "940623", "SHA-1", true);
        assertThat(HEX.formatHex(seed)).isEqualTo(K_SEED);
        // The published keys have DES parity set; DES ignores those bits, and JMRTD leaves them as hashed.
        assertThat(withoutParity(Util.deriveKey(seed, Util.ENC_MODE).getEncoded())).startsWith(withoutParity(HEX.parseHex(K_ENC)));
        assertThat(withoutParity(Util.deriveKey(seed, Util.MAC_MODE).getEncoded())).startsWith(withoutParity(HEX.parseHex(K_MAC)));
    }

    static byte[] withoutParity(byte[] key) {
        byte[] out = key.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] &= (byte) 0xFE;
        }
        return out;
    }

    @Test
    void theEmulatedChipAnswersMutualAuthenticationAndSecureMessagingAsPublished() throws Exception {
        BacResponder chip = new BacResponder("L898902C", "690806", "940623", new Scripted(RND_IC, K_IC));
        Reply challenge = chip.getChallenge(CommandApdu.parse(HEX.parseHex("0084000008")));
        assertThat(HEX.formatHex(challenge.data())).isEqualTo(RND_IC);

        Reply authenticated = chip.mutualAuthenticate(CommandApdu.parse(HEX.parseHex("0082000028" + E_IFD + M_IFD + "28")));
        assertThat(authenticated.sw()).isEqualTo(Sw.OK);
        assertThat(HEX.formatHex(authenticated.data())).isEqualTo(E_IC + M_IC);

        SecureChannel channel = authenticated.next();
        for (String[] exchange : EXCHANGES) {
            CommandApdu plain = channel.open(CommandApdu.parse(HEX.parseHex(exchange[1])));
            CommandApdu expected = CommandApdu.parse(HEX.parseHex(exchange[0]));
            assertThat(plain.ins()).isEqualTo(expected.ins());
            assertThat(plain.p1() << 8 | plain.p2()).isEqualTo(expected.p1() << 8 | expected.p2());
            assertThat(plain.data()).isEqualTo(expected.data());
            assertThat(plain.ne()).isEqualTo(expected.ne());
            assertThat(HEX.formatHex(channel.protect(HEX.parseHex(exchange[2]), Sw.OK, false))).isEqualTo(exchange[3]);
        }
    }

    @Test
    void theEmulatedChipRefusesATerminalWithAnotherKey() {
        BacResponder chip = new BacResponder("L898902C", "690807", "940623", new Scripted(RND_IC, K_IC));
        chip.getChallenge(CommandApdu.parse(HEX.parseHex("0084000008")));
        Reply refused = chip.mutualAuthenticate(CommandApdu.parse(HEX.parseHex("0082000028" + E_IFD + M_IFD + "28")));
        assertThat(refused.sw()).isEqualTo(Sw.AUTHENTICATION_FAILED);
        assertThat(refused.next()).isNull();
    }

    @Test
    void jmrtdWrapsAndUnwrapsTheWorkedExample() throws Exception {
        DESedeSecureMessagingWrapper terminal = new DESedeSecureMessagingWrapper(
                new SecretKeySpec(HEX.parseHex(KS_ENC + KS_ENC.substring(0, 16)), "DESede"),
                new SecretKeySpec(HEX.parseHex(KS_MAC + KS_MAC.substring(0, 16)), "DESede"), Long.parseUnsignedLong(SSC, 16));
        for (String[] exchange : EXCHANGES) {
            CommandAPDU wrapped = terminal.wrap(new CommandAPDU(HEX.parseHex(exchange[0])));
            assertThat(HEX.formatHex(wrapped.getBytes())).isEqualTo(exchange[1]);
            ResponseAPDU plain = terminal.unwrap(new ResponseAPDU(HEX.parseHex(exchange[3])));
            assertThat(HEX.formatHex(plain.getData())).isEqualTo(exchange[2]);
            assertThat(plain.getSW()).isEqualTo(0x9000);
        }
    }
}
