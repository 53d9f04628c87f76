package dev.proofdesk.passport.sanctions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth as SDN.XML writes them: "12 Mar 1970", "Mar 1970", "1970", "circa 1970",
 * "1968 to 1970". A full date goes to the date index; anything vaguer becomes years,
 * with "circa" widened by one year each side since that is what the list means by it.
 */
final class SdnDates {
    private static final DateTimeFormatter FULL = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH);
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)\\b");
    private static final Pattern RANGE = Pattern.compile("(\\d{4})\\s*(?:to|-)\\s*(\\d{4})");
    private static final int MAX_RANGE = 15;

    private SdnDates() {
    }

    static void parseInto(String text, List<LocalDate> dates, List<Integer> years) {
        String t = text.trim();
        if (t.isEmpty()) {
            return;
        }
        try {
            dates.add(LocalDate.parse(t, FULL));
            return;
        } catch (DateTimeException e) {
            // not a full date; try the vaguer forms
        }
        try {
            dates.add(LocalDate.parse(t));
            return;
        } catch (DateTimeException e) {
            // not ISO either
        }
        Matcher range = RANGE.matcher(t);
        if (range.find()) {
            int from = Integer.parseInt(range.group(1));
            int to = Integer.parseInt(range.group(2));
            if (from <= to && to - from <= MAX_RANGE) {
                for (int y = from; y <= to; y++) {
                    years.add(y);
                }
                return;
            }
        }
        Matcher year = YEAR.matcher(t);
        if (year.find()) {
            int y = Integer.parseInt(year.group(1));
            if (t.toLowerCase(Locale.ROOT).contains("circa")) {
                years.add(y - 1);
                years.add(y + 1);
            }
            years.add(y);
        }
    }
}
