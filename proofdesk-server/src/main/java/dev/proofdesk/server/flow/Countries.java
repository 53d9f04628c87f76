package dev.proofdesk.server.flow;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * ICAO 9303 nationality codes: ISO 3166-1 alpha-3, except Germany, which is {@code D}, plus the
 * codes ICAO adds for British nationals, the UN, refugees, stateless persons and the test state.
 */
public final class Countries {
    private static final Set<String> CODES = build();

    private Countries() {
    }

    private static Set<String> build() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
        codes.remove("DEU");
        codes.addAll(Set.of("D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XXA", "XXB", "XXC",
                "XXX", "XOM", "XPO", "XES", "XMP", "XCC", "EUE", "RKS", "UTO"));
        return Set.copyOf(codes);
    }

    public static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }

    /** Why a code is refused, phrased so the person can fix it. */
    public static Optional<String> problem(String code) {
        if (isValid(code)) {
            return Optional.empty();
        }
        if ("DEU".equals(code)) {
            return Optional.of("'DEU' is not used in passports: ICAO 9303 writes Germany as 'D'");
        }
        if (code != null && isValid(code.toUpperCase(Locale.ROOT))) {
            return Optional.of("'" + code + "' must be upper case: '" + code.toUpperCase(Locale.ROOT) + "'");
        }
        return Optional.of("'" + code + "' is not an ICAO 9303 country code (three letters, e.g. 'FRA', or 'D' for Germany)");
    }
}
