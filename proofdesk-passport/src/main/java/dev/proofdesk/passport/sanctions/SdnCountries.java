package dev.proofdesk.passport.sanctions;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * SDN.XML names countries in English ("Korea, North", "Burma", "Hong Kong"); documents carry
 * ICAO codes. The JDK's English country names cover most once spelled alike ("Trinidad &amp;
 * Tobago", "Côte d’Ivoire"); the overrides cover OFAC's own spellings, former names the list
 * still uses, and ICAO's exceptions (Kosovo is RKS). Unknown names map to null, never to a guess.
 */
final class SdnCountries {
    private static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("GERMANY", "DEU"),
            Map.entry("KOREA NORTH", "PRK"),
            Map.entry("KOREA SOUTH", "KOR"),
            Map.entry("BURMA", "MMR"),
            Map.entry("RUSSIA", "RUS"),
            Map.entry("IRAN", "IRN"),
            Map.entry("SYRIA", "SYR"),
            Map.entry("VENEZUELA", "VEN"),
            Map.entry("BOLIVIA", "BOL"),
            Map.entry("TANZANIA", "TZA"),
            Map.entry("MOLDOVA", "MDA"),
            Map.entry("LAOS", "LAO"),
            Map.entry("VIETNAM", "VNM"),
            Map.entry("BRUNEI", "BRN"),
            Map.entry("TAIWAN", "TWN"),
            Map.entry("CONGO DEMOCRATIC REPUBLIC OF THE", "COD"),
            Map.entry("CONGO REPUBLIC OF THE", "COG"),
            Map.entry("COTE D IVOIRE", "CIV"),
            Map.entry("TURKEY", "TUR"),
            Map.entry("TURKIYE", "TUR"),
            Map.entry("WEST BANK", "PSE"),
            Map.entry("GAZA", "PSE"),
            Map.entry("REGION GAZA", "PSE"),
            Map.entry("PALESTINIAN", "PSE"),
            Map.entry("PALESTINE", "PSE"),
            Map.entry("KOSOVO", "RKS"),
            Map.entry("UNITED KINGDOM", "GBR"),
            Map.entry("UNITED STATES", "USA"),
            Map.entry("BOSNIA AND HERZEGOVINA", "BIH"),
            Map.entry("HONG KONG", "HKG"),
            Map.entry("MACAU", "MAC"),
            Map.entry("MACAO", "MAC"),
            Map.entry("CZECH REPUBLIC", "CZE"),
            Map.entry("TRINIDAD AND TOBAGO", "TTO"),
            Map.entry("ANTIGUA AND BARBUDA", "ATG"),
            Map.entry("SAINT KITTS AND NEVIS", "KNA"),
            Map.entry("SAINT VINCENT AND THE GRENADINES", "VCT"),
            Map.entry("SAINT LUCIA", "LCA"),
            Map.entry("SAO TOME AND PRINCIPE", "STP"),
            Map.entry("BAHAMAS THE", "BHS"),
            Map.entry("GAMBIA THE", "GMB"),
            Map.entry("MICRONESIA FEDERATED STATES OF", "FSM"),
            Map.entry("VIRGIN ISLANDS BRITISH", "VGB"),
            Map.entry("VIRGIN ISLANDS U S", "VIR"),
            Map.entry("CAPE VERDE", "CPV"),
            Map.entry("CABO VERDE", "CPV"),
            Map.entry("SWAZILAND", "SWZ"),
            Map.entry("EAST TIMOR", "TLS"),
            Map.entry("MACEDONIA", "MKD"),
            Map.entry("MACEDONIA THE FORMER YUGOSLAV REPUBLIC OF", "MKD"),
            Map.entry("HOLY SEE", "VAT"),
            Map.entry("VATICAN CITY", "VAT"),
            Map.entry("CURACAO", "CUW"),
            Map.entry("SINT MAARTEN", "SXM"),
            Map.entry("SAINT MARTIN", "MAF"),
            Map.entry("NETHERLANDS ANTILLES", "ANT"),
            Map.entry("SERBIA AND MONTENEGRO", "SCG"),
            Map.entry("YUGOSLAVIA", "YUG"),
            Map.entry("CRIMEA", "UKR"),
            Map.entry("REGION CRIMEA", "UKR"),
            Map.entry("UTOPIA", "UTO"));

    private final Map<String, String> byName = new HashMap<>();

    SdnCountries() {
        for (String alpha2 : Locale.getISOCountries()) {
            Locale locale = Locale.of("", alpha2);
            try {
                byName.put(key(locale.getDisplayCountry(Locale.ENGLISH)), locale.getISO3Country());
            } catch (MissingResourceException e) {
                // A territory without an alpha-3 code; OFAC lists do not use it for passports.
            }
        }
        byName.putAll(OVERRIDES);
    }

    /** ICAO code for an SDN country name, or null when unknown. */
    String icao(String sdnName) {
        return sdnName == null ? null : byName.get(key(sdnName));
    }

    /** The list's word for "no country known", which is no name to map. */
    static boolean isUndetermined(String sdnName) {
        String k = key(sdnName);
        return k.isEmpty() || k.equals("UNDETERMINED") || k.equals("UNKNOWN");
    }

    /**
     * Upper case without accents or punctuation, "&amp;" as AND, "St." as SAINT, and the JDK's
     * "Hong Kong SAR China" as "Hong Kong": "Côte d’Ivoire" and "Cote d'Ivoire" meet.
     */
    static String key(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT).replace("&", " AND ");
        String words = plain.replaceAll("[^A-Z0-9]+", " ").trim();
        words = words.replaceAll("^ST ", "SAINT ").replaceAll(" SAR CHINA$", "");
        return words;
    }
}
