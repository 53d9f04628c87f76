package dev.proofdesk.passport;

/**
 * ICAO codes are ISO alpha-3 with one historic exception: Germany is {@code D} in the MRZ,
 * while flows are written with {@code DEU}. Both sides are normalised before comparing.
 */
final class Countries {
    private Countries() {
    }

    static String normalise(String code) {
        String c = code.replace("<", "").trim().toUpperCase(java.util.Locale.ROOT);
        return c.equals("D") ? "DEU" : c;
    }
}
