package dev.proofdesk.passport.sanctions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * SDN.XML names countries in English ("Korea, North", "Burma"); documents carry ICAO codes.
 * The JDK's English country names cover most; the overrides cover OFAC's own spellings and
 * ICAO's exceptions. Unknown names map to null, never to a guess.
 */
final class SdnCountries {
    private static final Map<String, String> OVERRIDES = Map.ofEntries(
            Map.entry("GERMANY", "DEU"),
            Map.entry("KOREA, NORTH", "PRK"),
            Map.entry("KOREA, SOUTH", "KOR"),
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
            Map.entry("CONGO, DEMOCRATIC REPUBLIC OF THE", "COD"),
            Map.entry("CONGO, REPUBLIC OF THE", "COG"),
            Map.entry("COTE D IVOIRE", "CIV"),
            Map.entry("TURKEY", "TUR"),
            Map.entry("WEST BANK", "PSE"),
            Map.entry("PALESTINIAN", "PSE"),
            Map.entry("KOSOVO", "RKS"),
            Map.entry("UNITED KINGDOM", "GBR"),
            Map.entry("UNITED STATES", "USA"),
            Map.entry("BOSNIA AND HERZEGOVINA", "BIH"),
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

    private static String key(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace("'", " ").replace("’", " ").replaceAll(" +", " ");
    }
}
