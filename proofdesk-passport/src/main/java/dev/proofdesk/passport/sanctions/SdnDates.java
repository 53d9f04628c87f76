package dev.proofdesk.passport.sanctions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dates of birth as SDN.XML writes them: "12 Mar 1970", "Mar 1970", "1970", "circa 1970",
 * "1953 to 1954", "01 Jan 1953 to 31 Dec 1954". A day goes to the date index; anything vaguer
 * becomes every year it covers. "circa" widens by one year each side, which is what the list
 * means by it. A short range of days ("01 Mar 1970 to 15 Mar 1970") stays days.
 */
final class SdnDates {
    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("d MMM uuuu").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("MMM uuuu").toFormatter(Locale.ENGLISH);
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]|20)\\d\\d\\b");
    private static final Pattern RANGE = Pattern.compile("\\s+to\\s+|\\s*-\\s*(?=\\D*\\d{4}\\s*$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CIRCA = Pattern.compile("^(circa|ca\\.?|approximately|approx\\.?|about)\\s+",
            Pattern.CASE_INSENSITIVE);
    /** Longer ranges of days are indexed by year: one entry per day would bloat the index. */
    private static final int MAX_DAYS = 62;
    /** A wider range names no one in particular; it is read as its first year, as before ranges were parsed. */
    private static final int MAX_YEARS = 30;

    /** What one date of birth covers: first and last day, and whether it was given to the day. */
    private record Span(LocalDate from, LocalDate to, boolean days) {
    }

    private SdnDates() {
    }

    static void parseInto(String text, List<LocalDate> dates, List<Integer> years) {
        String t = text.trim();
        if (t.isEmpty()) {
            return;
        }
        var circa = CIRCA.matcher(t);
        boolean approximate = circa.find();
        if (approximate) {
            t = t.substring(circa.end());
        }
        Span span = span(t);
        if (span == null) {
            return;
        }
        if (approximate) {
            span = new Span(span.from().minusYears(1).withDayOfYear(1),
                    span.to().plusYears(1).withMonth(12).withDayOfMonth(31), false);
        }
        if (span.days() && ChronoUnit.DAYS.between(span.from(), span.to()) < MAX_DAYS) {
            for (LocalDate d = span.from(); !d.isAfter(span.to()); d = d.plusDays(1)) {
                dates.add(d);
            }
            return;
        }
        int from = span.from().getYear();
        int to = span.to().getYear() - from > MAX_YEARS ? from : span.to().getYear();
        for (int y = from; y <= to; y++) {
            years.add(y);
        }
    }

    /** A single date or a range "A to B"; null when the text is no date. */
    private static Span span(String t) {
        String[] ends = RANGE.split(t, 2);
        if (ends.length == 2) {
            Span from = point(ends[0].trim());
            Span to = point(ends[1].trim());
            if (from == null || to == null || to.to().isBefore(from.from())) {
                return from;
            }
            return new Span(from.from(), to.to(), from.days() && to.days());
        }
        return point(t);
    }

    /** "12 Mar 1970", "1970-03-12", "Mar 1970" or "1970". */
    private static Span point(String t) {
        try {
            LocalDate day = LocalDate.parse(t, DAY);
            return new Span(day, day, true);
        } catch (DateTimeException e) {
            // not a day; try the vaguer forms
        }
        try {
            LocalDate day = LocalDate.parse(t);
            return new Span(day, day, true);
        } catch (DateTimeException e) {
            // not ISO either
        }
        try {
            YearMonth month = YearMonth.parse(t, MONTH);
            return new Span(month.atDay(1), month.atEndOfMonth(), false);
        } catch (DateTimeException e) {
            // not a month
        }
        var year = YEAR.matcher(t);
        if (year.find()) {
            int y = Integer.parseInt(year.group());
            return new Span(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), false);
        }
        return null;
    }
}
