package dev.proofdesk.passport.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofdesk.passport.TestPki;
import dev.proofdesk.passport.emulator.ChipImage;
import dev.proofdesk.passport.lds.Dg14;
import dev.proofdesk.passport.lds.SecurityObject;
import java.io.ByteArrayInputStream;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.junit.jupiter.api.Test;

class ChipProfilesTest {
    static MockDocument issue(ChipAuthentication proof, ChipAccess access, Defect defect) {
        return TestPki.issuer().issue(MockDocumentSpec.passport(LocalDate.of(1985, 3, 4), SignatureAlgorithm.ECDSA_P256)
                .withChipAuthentication(proof).withAccessControl(access).withDefect(defect));
    }

    @Test
    void aChipAuthenticationChipHasADg14KeyAndNoDg15() {
        MockDocument doc = issue(ChipAuthentication.CHIP, ChipAccess.BOTH, Defect.NONE);
        assertThat(doc.dg15()).isNull();
        assertThat(doc.chipKeyPkcs8()).isNull();
        assertThat(Dg14.chipAuthenticationKeys(doc.dg14())).singleElement()
                .satisfies(k -> assertThat(k.getSubjectPublicKey()).isInstanceOf(ECPublicKey.class));
        assertThat(Dg14.parse(doc.dg14()).getChipAuthenticationInfos()).singleElement()
                .satisfies(i -> assertThat(i.getObjectIdentifier()).isEqualTo(SecurityInfo.ID_CA_ECDH_AES_CBC_CMAC_128));
        assertThat(SecurityObject.parse(doc.sod()).hashes()).containsOnlyKeys(1, 14);
        assertThat(doc.image().caKeyPkcs8()).isNotNull();
        assertThat(doc.image().aaKeyPkcs8()).isNull();
    }

    @Test
    void aChipWithoutProofHasNeitherDg14NorDg15() {
        MockDocument doc = issue(ChipAuthentication.NONE, ChipAccess.BAC, Defect.NONE);
        assertThat(doc.dg14()).isNull();
        assertThat(doc.dg15()).isNull();
        assertThat(SecurityObject.parse(doc.sod()).hashes()).containsOnlyKeys(1, 2);
        assertThat(doc.image().files()).doesNotContainKey(ChipImage.EF_CARD_ACCESS);
        assertThat(doc.image().pace()).isFalse();
    }

    @Test
    void pacePutsPaceInfoForP256GenericMappingInCardAccess() throws Exception {
        MockDocument doc = issue(ChipAuthentication.ACTIVE, ChipAccess.PACE, Defect.NONE);
        assertThat(doc.image().bac()).isFalse();
        var infos = new CardAccessFile(new ByteArrayInputStream(doc.image().files().get(ChipImage.EF_CARD_ACCESS)))
                .getSecurityInfos();
        assertThat(infos).singleElement().isInstanceOfSatisfying(PACEInfo.class, p -> {
            assertThat(p.getObjectIdentifier()).isEqualTo(SecurityInfo.ID_PACE_ECDH_GM_AES_CBC_CMAC_128);
            assertThat(p.getParameterId().intValue()).isEqualTo(PACEInfo.PARAM_ID_ECP_NIST_P256_R1);
        });
        assertThat(doc.can()).matches("\\d{6}");
    }

    @Test
    void aClonedChipHoldsOtherKeysThanItsDataGroupsAnnounce() throws Exception {
        MockDocument clone = issue(ChipAuthentication.CHIP, ChipAccess.BOTH, Defect.CLONED_CHIP);
        ECPublicKey announced = (ECPublicKey) Dg14.chipAuthenticationKeys(clone.dg14()).getFirst().getSubjectPublicKey();
        ECPrivateKey held = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(clone.image().caKeyPkcs8()));
        var bc = org.jmrtd.Util.toBouncyECDomainParameters(held.getParams());
        var derived = bc.getG().multiply(held.getS()).normalize();
        assertThat(derived.getAffineXCoord().toBigInteger()).isNotEqualTo(announced.getW().getAffineX());
    }

    @Test
    void theChipImageSurvivesItsBytes() {
        MockDocument doc = issue(ChipAuthentication.CHIP, ChipAccess.BOTH, Defect.NONE);
        ChipImage back = ChipImage.fromBytes(doc.chipImage());
        assertThat(back.toBytes()).isEqualTo(doc.chipImage());
        assertThat(back.can()).isEqualTo(doc.can());
        assertThat(back.documentNumber()).isEqualTo(doc.document().documentNumber());
        assertThat(back.files().get(ChipImage.EF_SOD)).isEqualTo(doc.sod());
        assertThat(back.caKeyId()).isEqualTo(-1);
        assertThatThrownBy(() -> ChipImage.fromBytes(new byte[] {2, 0x30, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChipImage.fromBytes(new byte[] {1, 0x30, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
