package dev.proofdesk.passport.lds;

import dev.proofdesk.passport.Document;
import dev.proofdesk.passport.DocumentType;
import dev.proofdesk.passport.Gender;
import java.time.format.DateTimeFormatter;
import org.jmrtd.lds.icao.DG1File;
import org.jmrtd.lds.icao.MRZInfo;

/** Encodes a {@link Document} as DG1; JMRTD lays out the MRZ and computes its check digits. */
public final class Dg1Writer {
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Dg1Writer() {
    }

    public static byte[] write(Document d) {
        String surname = MrzText.of(d.surname());
        String given = MrzText.of(d.givenNames());
        String number = MrzText.of(d.documentNumber()).replace("<", "");
        String dob = YYMMDD.format(d.dateOfBirth());
        String expiry = YYMMDD.format(d.expirationDate());
        org.jmrtd.lds.icao.MRZInfo info = d.documentType() == DocumentType.PASSPORT
                ? MRZInfo.createTD3MRZInfo("P<", d.issuingState(), surname, given, number, d.nationality(),
                        dob, gender(d.gender()), expiry, "")
                : MRZInfo.createTD1MRZInfo("I<", d.issuingState(), number, "", dob, gender(d.gender()), expiry,
                        d.nationality(), "", surname, given);
        return new DG1File(info).getEncoded();
    }

    private static net.sf.scuba.data.Gender gender(Gender g) {
        return switch (g) {
            case MALE -> net.sf.scuba.data.Gender.MALE;
            case FEMALE -> net.sf.scuba.data.Gender.FEMALE;
            case UNSPECIFIED -> net.sf.scuba.data.Gender.UNSPECIFIED;
        };
    }
}
