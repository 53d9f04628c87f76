package dev.proofdesk.passport.sanctions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams OFAC's SDN.XML (tens of megabytes) with StAX, keeping only individuals and only the
 * fields screening uses. Elements are matched by local name, so the default namespace of the
 * published file (which has changed over the years) does not matter.
 */
final class SdnXmlParser {
    private static final int PROGRESS_EVERY = 500;

    private SdnXmlParser() {
    }

    static SdnFile parse(InputStream in, LongConsumer progress) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // The list comes from outside; no DTDs, no external entities.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        Countries countries = new Countries(new SdnCountries());
        List<SanctionsEntry> out = new ArrayList<>();
        long parsed = 0;
        try {
            XMLStreamReader r = factory.createXMLStreamReader(utf8(in));
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sdnEntry")) {
                    SanctionsEntry entry = entry(r, countries);
                    parsed++;
                    if (entry != null) {
                        out.add(entry);
                    }
                    if (parsed % PROGRESS_EVERY == 0) {
                        progress.accept(parsed);
                    }
                }
            }
            r.close();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
                throw new IllegalArgumentException("not a readable SDN.XML: it is not UTF-8 text (is it the right file?)", e);
            }
            throw new IllegalArgumentException("not a readable SDN.XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable SDN.XML: " + e.getMessage(), e);
        }
        progress.accept(parsed);
        return new SdnFile(out, countries.unmapped);
    }

    /** Country names mapped to ICAO codes, remembering those that could not be. */
    private static final class Countries {
        private final SdnCountries codes;
        final Set<String> unmapped = new TreeSet<>();

        Countries(SdnCountries codes) {
            this.codes = codes;
        }

        /** The ICAO code, or null (and noted) when the name has none here. */
        String icao(String name) {
            String code = codes.icao(name);
            if (code == null && !SdnCountries.isUndetermined(name)) {
                unmapped.add(name.strip());
            }
            return code;
        }
    }

    /**
     * The list is UTF-8 (an optional byte-order mark is skipped). Decoding here rather than in the XML
     * parser turns a binary file into one clear error, where the parser would also print its own
     * "[Fatal Error]" line to the console.
     */
    private static Reader utf8(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] start = buffered.readNBytes(3);
        if (!(start.length == 3 && (start[0] & 0xff) == 0xef && (start[1] & 0xff) == 0xbb && (start[2] & 0xff) == 0xbf)) {
            buffered.reset();
        }
        return new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Reads one sdnEntry; null unless it is an individual. */
    private static SanctionsEntry entry(XMLStreamReader r, Countries countries) throws XMLStreamException {
        EntryBuilder b = new EntryBuilder();
        String first = null;
        String last = null;
        IdBuilder id = null;
        String akaFirst = null;
        String akaLast = null;
        boolean inAka = false;
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (r.getLocalName()) {
                    case "aka" -> {
                        b.name(akaFirst, akaLast);
                        akaFirst = null;
                        akaLast = null;
                        inAka = false;
                    }
                    case "id" -> {
                        if (id != null && id.isPassport() && id.number != null) {
                            b.passport(id.number, id.country, countries);
                        }
                        id = null;
                    }
                    default -> { }
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            switch (r.getLocalName()) {
                case "aka" -> inAka = true;
                case "id" -> id = new IdBuilder();
                case "uid" -> {
                    String uid = text(r);
                    depth--;
                    if (b.uid == null && id == null && !inAka) {
                        b.uid = uid;
                    }
                }
                case "sdnType" -> {
                    b.individual = "Individual".equalsIgnoreCase(text(r));
                    depth--;
                }
                case "firstName" -> {
                    String v = text(r);
                    depth--;
                    if (inAka) {
                        akaFirst = v;
                    } else {
                        first = v;
                    }
                }
                case "lastName" -> {
                    String v = text(r);
                    depth--;
                    if (inAka) {
                        akaLast = v;
                    } else {
                        last = v;
                    }
                }
                case "idType" -> {
                    String v = text(r);
                    depth--;
                    if (id != null) {
                        id.type = v;
                    }
                }
                case "idNumber" -> {
                    String v = text(r);
                    depth--;
                    if (id != null) {
                        id.number = v;
                    }
                }
                case "idCountry" -> {
                    String v = text(r);
                    depth--;
                    if (id != null) {
                        id.country = v;
                    }
                }
                case "country" -> {
                    // Addresses, nationalities, citizenships: not screened, but a name missing from
                    // the country table should be reported before a passport is listed under it.
                    countries.icao(text(r));
                    depth--;
                }
                case "dateOfBirth" -> {
                    SdnDates.parseInto(text(r), b.birthDates, b.birthYears);
                    depth--;
                }
                default -> { }
            }
        }
        b.name(first, last);
        return b.individual && b.uid != null ? b.build() : null;
    }

    private static String text(XMLStreamReader r) throws XMLStreamException {
        return r.getElementText().trim();
    }

    private static final class IdBuilder {
        String type;
        String number;
        String country;

        boolean isPassport() {
            return type != null && type.toLowerCase(java.util.Locale.ROOT).contains("passport");
        }
    }

    private static final class EntryBuilder {
        String uid;
        boolean individual;
        final List<SanctionsEntry.Name> names = new ArrayList<>();
        final List<java.time.LocalDate> birthDates = new ArrayList<>();
        final List<Integer> birthYears = new ArrayList<>();
        final List<SanctionsEntry.Passport> passports = new ArrayList<>();

        void name(String first, String last) {
            SanctionsEntry.Name name = new SanctionsEntry.Name(first, last);
            if (!name.full().isEmpty()) {
                names.add(name);
            }
        }

        /** A passport under its ICAO country; none when the list's country name has no code here. */
        void passport(String number, String countryName, Countries countries) {
            if (countryName == null || countryName.isBlank() || SdnCountries.isUndetermined(countryName)) {
                passports.add(new SanctionsEntry.Passport(number, null));
                return;
            }
            String code = countries.icao(countryName);
            if (code != null) {
                passports.add(new SanctionsEntry.Passport(number, code));
                // Hong Kong and Macao SAR passports are Chinese passports: their MRZ says CHN.
                if (code.equals("HKG") || code.equals("MAC")) {
                    passports.add(new SanctionsEntry.Passport(number, "CHN"));
                }
            }
        }

        SanctionsEntry build() {
            return new SanctionsEntry(uid, names, birthDates, birthYears, passports);
        }
    }
}
