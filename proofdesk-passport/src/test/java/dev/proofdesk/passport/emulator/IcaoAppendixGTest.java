package dev.proofdesk.passport.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import javax.crypto.spec.IvParameterSpec;
import org.jmrtd.BACKey;
import org.jmrtd.PACEKeySpec;
import org.jmrtd.Util;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.protocol.PACEProtocol;
import org.junit.jupiter.api.Test;

/**
 * ICAO Doc 9303 part 11, appendix G: the PACE worked examples with generic mapping, ECDH on
 * brainpoolP256r1 (G.1) and DH on the 1024-bit group of RFC 5114 (G.2), both with AES-128 and
 * the MRZ {@code T22000129 / 640812 / 101031}. Checked against the primitives the emulated chip
 * and the terminal share: the password key, nonce encryption, the mapping, key agreement,
 * session key derivation and the authentication tokens.
 */
class IcaoAppendixGTest {
    static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final String K_PI = "89DED1B26624EC1E634C1989302849DD";

    static BigInteger n(String hex) {
        return new BigInteger(1, HEX.parseHex(hex));
    }

    static ECPoint point(String xy) {
        return new ECPoint(n(xy.substring(0, 64)), n(xy.substring(64)));
    }

    @Test
    void passwordKeyFromTheMrz() throws Exception {
        PACEKeySpec mrz = PACEKeySpec.createMRZKey(new BACKey("T22000129", "640812", "101031"));
        SecretKey kPi = PACEProtocol.deriveStaticPACEKey(mrz, SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128);
        assertThat(HEX.formatHex(kPi.getEncoded())).isEqualTo(K_PI);
    }

    @Test
    void ecdhGenericMapping() throws Exception {
        String oid = SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128;
        ECParameterSpec brainpool = (ECParameterSpec) PACEInfo.toParameterSpec(PACEInfo.PARAM_ID_ECP_BRAINPOOL_P256_R1);
        assertThat(encryptNonce("3F00C4D39D153F2B2A214A078D899B22")).isEqualTo("95A3A016522EE98D01E76CB6B98B42C3");

        // Mapping: the chip multiplies the terminal's mapping key by its own mapping secret.
        ECPoint terminalMapping = point("7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                + "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D");
        ECPoint shared = Util.multiply(n("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560"),
                terminalMapping, brainpool);
        ECParameterSpec mapped = PACEProtocol.mapNonceGMWithECDH(HEX.parseHex("3F00C4D39D153F2B2A214A078D899B22"),
                shared, brainpool);
        assertThat(mapped.getGenerator()).isEqualTo(point("8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
                + "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"));

        ECPoint terminalKey = point("2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                + "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462");
        ECPoint chipKey = point("9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                + "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094");
        assertThat(Util.multiply(n("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"),
                mapped.getGenerator(), mapped)).isEqualTo(terminalKey);
        BigInteger secret = Util.multiply(n("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595"), chipKey, mapped)
                .getAffineX();
        byte[] k = Util.i2os(secret, 32);
        assertThat(HEX.formatHex(k)).isEqualTo("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");

        sessionKeysAndTokens(oid, k, "F5F0E35C0D7161EE6724EE513A0D9A7F", "FE251C7858B356B24514B3BD5F4297D1",
                ecKey(chipKey, mapped), ecKey(terminalKey, mapped), "C2B0BD78D94BA866", "3ABB9674BCE93C08");
    }

    @Test
    void dhGenericMapping() throws Exception {
        String oid = SecurityInfo.ID_PACE_DH_GM_AES_CBC_CMAC_128;
        DHParameterSpec group = (DHParameterSpec) PACEInfo.toParameterSpec(PACEInfo.PARAM_ID_GFP_1024_160);
        assertThat(encryptNonce("FA5B7E3E49753A0DB9178B7B9BD898C8")).isEqualTo("854D8DF5827FA6852D1A4FA701CDDDCA");

        BigInteger chipMapping = n("78879F57225AA8080D52ED0FC890A4B25336F699AA89A2D3A189654AF70729E6"
                + "23EA5738B26381E4DA19E004706FACE7B235C2DBF2F38748312F3C98C2DD4882"
                + "A41947B324AA1259AC22579DB93F7085655AF30889DBB845D9E6783FE42C9F24"
                + "49400306254C8AE8EE9DD812A804C0B66E8CAFC14F84D8258950A91B44126EE6");
        BigInteger mappingSecret = chipMapping.modPow(n("5265030F751F4AD18B08AC565FC7AC952E41618D"), group.getP());
        DHParameterSpec mapped = PACEProtocol.mapNonceGMWithDH(HEX.parseHex("FA5B7E3E49753A0DB9178B7B9BD898C8"),
                mappingSecret, group);
        assertThat(mapped.getG()).isEqualTo(n("7C9CBFE98F9FBDDA8D143506FA7D9306F4CB17E3C71707AFF5E1C1A123702496"
                + "84D64EE37AF44B8DBD9D45BF6023919CBAA027AB97ACC771666C8E98FF483301"
                + "BFA4872DEDE9034EDFACB70814166B7F360676829B826BEA57291B5AD69FBC84"
                + "EF1E779032A305803F74341793E869742D401325B37EE8565FFCDEE618342DC5"));

        BigInteger terminalSecret = n("89CCD99B0E8D3B1F11E1296DCA68EC53411CF2CA");
        BigInteger terminalKey = n("907D89E2D425A178AA81AF4A7774EC8E388C115CAE67031E85EECE520BD91155"
                + "1B9AE4D04369F29A02626C86FBC6747CC7BC352645B6161A2A42D44EDA80A08F"
                + "A8D61B76D3A154AD8A5A51786B0BC07147057871A922212C5F67F43173172236"
                + "B7747D1671E6D692A3C7D40A0C3C5CE397545D015C175EB5130551EDBC2EE5D4");
        BigInteger chipKey = n("075693D9AE941877573E634B6E644F8E60AF17A0076B8B123D9201074D36152B"
                + "D8B3A213F53820C42ADC79AB5D0AEEC3AEFB91394DA476BD97B9B14D0A65C1FC"
                + "71A0E019CB08AF55E1F729005FBA7E3FA5DC41899238A250767A6D46DB974064"
                + "386CD456743585F8E5D90CC8B4004B1F6D866C79CE0584E49687FF61BC29AEA1");
        assertThat(mapped.getG().modPow(terminalSecret, mapped.getP())).isEqualTo(terminalKey);
        byte[] k = Util.i2os(chipKey.modPow(terminalSecret, mapped.getP()), 128);
        assertThat(HEX.formatHex(k)).isEqualTo("6BABC7B3A72BCD7EA385E4C62DB2625BD8613B24149E146A629311C4CA6698E3"
                + "8B834B6A9E9CD7184BA8834AFF5043D436950C4C1E7832367C10CB8C314D40E5"
                + "990B0DF7013E64B4549E2270923D06F08CFF6BD3E977DDE6ABE4C31D55C0FA2E"
                + "465E553E77BDF75E3193D3834FC26E8EB1EE2FA1E4FC97C18C3F6CFFFE2607FD");

        KeyFactory dh = KeyFactory.getInstance("DH", Util.getBouncyCastleProvider());
        PublicKey chip = dh.generatePublic(new DHPublicKeySpec(chipKey, mapped.getP(), mapped.getG()));
        PublicKey terminal = dh.generatePublic(new DHPublicKeySpec(terminalKey, mapped.getP(), mapped.getG()));
        sessionKeysAndTokens(oid, k, "2F7F46ADCC9E7E521B45D192FAFA9126", "805A1D27D45A5116F73C54469462B7D8",
                chip, terminal, "B46DD9BD4D98381F", "917F37B5C0E6D8D1");
    }

    private static void sessionKeysAndTokens(String oid, byte[] k, String ksEnc, String ksMac, PublicKey chipKey,
                                             PublicKey terminalKey, String terminalToken, String chipToken) throws Exception {
        SecretKey enc = Util.deriveKey(k, "AES", 128, Util.ENC_MODE);
        SecretKey mac = Util.deriveKey(k, "AES", 128, Util.MAC_MODE);
        assertThat(HEX.formatHex(enc.getEncoded())).isEqualTo(ksEnc);
        assertThat(HEX.formatHex(mac.getEncoded())).isEqualTo(ksMac);
        // The terminal's token is a MAC over the chip's ephemeral key, the chip's over the terminal's.
        assertThat(HEX.formatHex(PACEProtocol.generateAuthenticationToken(oid, mac, chipKey))).isEqualTo(terminalToken);
        assertThat(HEX.formatHex(PACEProtocol.generateAuthenticationToken(oid, mac, terminalKey))).isEqualTo(chipToken);
    }

    private static String encryptNonce(String nonce) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(HEX.parseHex(K_PI), "AES"),
                new IvParameterSpec(new byte[16]));
        return HEX.formatHex(aes.doFinal(HEX.parseHex(nonce)));
    }

    private static PublicKey ecKey(ECPoint w, ECParameterSpec params) throws Exception {
        return KeyFactory.getInstance("EC", Util.getBouncyCastleProvider()).generatePublic(new ECPublicKeySpec(w, params));
    }
}
