package dev.proofdesk.passport.lds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.jmrtd.lds.icao.DG1File;
import org.junit.jupiter.api.Test;

class MrzTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    // ICAO 9303 part 4 and part 5 specimens.
    static final String TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
            + "L898902C36UTO7408122F1204159ZE184226B<<<<<10";
    static final String TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<"
            + "7408122F1204159UTO<<<<<<<<<<<6"
            + "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    @Test
    void readsTheTd3Specimen() {
        Document d = Mrz.parseText(TD3, TODAY);
        assertThat(d.documentType()).isEqualTo(DocumentType.PASSPORT);
        assertThat(d.surname()).isEqualTo("ERIKSSON");
        assertThat(d.givenNames()).isEqualTo("ANNA MARIA");
        assertThat(d.documentNumber()).isEqualTo("L898902C3");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(d.expirationDate()).isEqualTo(LocalDate.of(2012, 4, 15));
        assertThat(d.gender()).isEqualTo(Gender.FEMALE);
        assertThat(d.nationality()).isEqualTo("UTO");
    }

    @Test
    void readsTheTd1Specimen() {
        Document d = Mrz.parseText(TD1, TODAY);
        assertThat(d.documentType()).isEqualTo(DocumentType.ID_CARD);
        assertThat(d.documentNumber()).isEqualTo("D23145890");
        assertThat(d.dateOfBirth()).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(d.givenNames()).isEqualTo("ANNA MARIA");
    }

    @Test
    void everyCheckDigitIsEnforced() {
        int[] td3Digits = {44 + 9, 44 + 19, 44 + 27, 44 + 43};
        for (int position : td3Digits) {
            assertThatThrownBy(() -> Mrz.parseText(bump(TD3, position), TODAY))
                    .isInstanceOf(MalformedDocumentException.class).hasMessageContaining("check digit");
        }
        int[] td1Digits = {14, 30 + 6, 30 + 14, 30 + 29};
        for (int position : td1Digits) {
            assertThatThrownBy(() -> Mrz.parseText(bump(TD1, position), TODAY))
                    .isInstanceOf(MalformedDocumentException.class).hasMessageContaining("check digit");
        }
    }

    @Test
    void checkDigitsFollowIcaoWeights() {
        assertThat(CheckDigits.of("L898902C3")).isEqualTo('6');
        assertThat(CheckDigits.of("740812")).isEqualTo('2');
        assertThat(CheckDigits.of("120415")).isEqualTo('9');
        assertThat(CheckDigits.of("<<<<<<<<<<<<<<")).isEqualTo('0');
    }

    @Test
    void birthDatesAreNeverInTheFutureAndExpiryDatesLookAhead() {
        assertThat(MrzDates.birth("260301", TODAY)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(MrzDates.birth("260302", TODAY)).isEqualTo(LocalDate.of(1926, 3, 2));
        assertThat(MrzDates.birth("050101", TODAY)).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(MrzDates.birth("991231", TODAY)).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(MrzDates.expiry("360301", TODAY)).isEqualTo(LocalDate.of(2036, 3, 1));
        assertThat(MrzDates.expiry("760301", TODAY)).isEqualTo(LocalDate.of(2076, 3, 1));
        assertThat(MrzDates.expiry("990101", TODAY)).isEqualTo(LocalDate.of(1999, 1, 1));
        assertThatThrownBy(() -> MrzDates.birth("741312", TODAY)).isInstanceOf(MalformedDocumentException.class);
    }

    @Test
    void writerAndReaderAgreeForBothFormatsAndJmrtdReadsTheSame() throws Exception {
        for (DocumentType type : DocumentType.values()) {
            Document d = new Document(type, "UTO", "D", "MÜLLER-O'NEIL", "JOSÉ ÅSA", "AB12C", LocalDate.of(1960, 2, 29),
                    LocalDate.of(2031, 12, 31), Gender.MALE);
            byte[] dg1 = Dg1Writer.write(d);
            Document read = Mrz.parseDg1(dg1, TODAY);
            assertThat(read.surname()).isEqualTo("MULLER ONEIL");
            assertThat(read.givenNames()).isEqualTo("JOSE ASA");
            assertThat(read.dateOfBirth()).isEqualTo(d.dateOfBirth());
            assertThat(read.expirationDate()).isEqualTo(d.expirationDate());
            assertThat(read.documentType()).isEqualTo(type);
            var jmrtd = new DG1File(new ByteArrayInputStream(dg1)).getMRZInfo();
            assertThat(jmrtd.getDocumentNumber()).isEqualTo("AB12C");
            assertThat(jmrtd.getPrimaryIdentifier()).isEqualTo("MULLER ONEIL");
        }
    }

    @Test
    void rejectsTruncatedAndForeignData() {
        byte[] dg1 = Dg1Writer.write(Mrz.parseText(TD3, TODAY));
        assertThatThrownBy(() -> Mrz.parseDg1(java.util.Arrays.copyOf(dg1, dg1.length - 1), TODAY))
                .isInstanceOf(MalformedDocumentException.class);
        assertThatThrownBy(() -> Mrz.parseDg1(new byte[] {0x61, 0x02, 0x5F}, TODAY))
                .isInstanceOf(MalformedDocumentException.class);
        assertThatThrownBy(() -> Mrz.parseText(TD3.replace('E', 'é'), TODAY))
                .isInstanceOf(MalformedDocumentException.class);
    }

    private static String bump(String mrz, int position) {
        char c = mrz.charAt(position);
        char next = c == '9' ? '0' : (char) (c + 1);
        return mrz.substring(0, position) + next + mrz.substring(position + 1);
    }
}
