package dev.proofdesk.server.dashboard;

import dev.proofdesk.server.dashboard.view.Chart;

import java.util.ArrayList;
import java.util.List;

/** Lays out the overview's two charts; the template only draws what this computes. */
final class Charts {
    private static final int WIDTH = 720;
    private static final int LEFT = 40;
    private static final int BOTTOM = 26;
    private static final int TOP = 10;

    private Charts() {
    }

    /** Sessions per day as stacked bars: valid, invalid, everything else. */
    static Chart perDay(List<SessionStats.Day> days) {
        int height = 220;
        double plot = height - BOTTOM - TOP;
        int max = Math.max(1, days.stream().mapToInt(SessionStats.Day::total).max().orElse(1));
        int top = niceCeiling(max);
        double slot = (WIDTH - LEFT) / (double) days.size();
        List<Chart.Rect> rects = new ArrayList<>();
        List<Chart.Label> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            double y = TOP + plot - plot * t / 4;
            labels.add(new Chart.Label(LEFT - 6, y + 4, Integer.toString(top * t / 4), "end"));
        }
        for (int i = 0; i < days.size(); i++) {
            SessionStats.Day d = days.get(i);
            double x = LEFT + i * slot + slot * 0.15;
            double w = slot * 0.7;
            double base = TOP + plot;
            String date = d.date().toString();
            int[] values = {d.valid(), d.invalid(), d.other()};
            String[] css = {"bar-valid", "bar-invalid", "bar-other"};
            String[] names = {"valid", "invalid", "other"};
            for (int s = 0; s < values.length; s++) {
                double h = plot * values[s] / top;
                if (values[s] > 0) {
                    base -= h;
                    rects.add(new Chart.Rect(x, base, w, h, css[s], date + ": " + values[s] + " " + names[s]));
                }
            }
            if (i % 2 == days.size() % 2 || days.size() <= 7) {
                labels.add(new Chart.Label(x + w / 2, height - 8, date.substring(5), "middle"));
            }
            rows.add(List.of(date, Integer.toString(d.valid()), Integer.toString(d.invalid()),
                    Integer.toString(d.other())));
        }
        return new Chart("Sessions per day (UTC)", WIDTH, height, rects, labels,
                List.of("Day", "Valid", "Invalid", "Other"), rows);
    }

    /** Each check as one horizontal bar, split into passed and failed. */
    static Chart checks(List<SessionStats.CheckTally> tallies) {
        int rowHeight = 26;
        int labelWidth = 190;
        int height = Math.max(40, tallies.size() * rowHeight + TOP * 2);
        double span = WIDTH - labelWidth - 50;
        int max = Math.max(1, tallies.stream().mapToInt(t -> t.passed() + t.failed()).max().orElse(1));
        List<Chart.Rect> rects = new ArrayList<>();
        List<Chart.Label> labels = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            SessionStats.CheckTally t = tallies.get(i);
            double y = TOP + i * rowHeight;
            double passed = span * t.passed() / max;
            double failed = span * t.failed() / max;
            labels.add(new Chart.Label(labelWidth - 8, y + 16, t.name(), "end"));
            if (t.passed() > 0) {
                rects.add(new Chart.Rect(labelWidth, y + 4, passed, rowHeight - 8, "bar-valid",
                        t.name() + ": " + t.passed() + " passed"));
            }
            if (t.failed() > 0) {
                rects.add(new Chart.Rect(labelWidth + passed, y + 4, failed, rowHeight - 8, "bar-invalid",
                        t.name() + ": " + t.failed() + " failed"));
            }
            labels.add(new Chart.Label(labelWidth + passed + failed + 6, y + 16,
                    t.passed() + " / " + t.failed(), "start"));
            rows.add(List.of(t.name(), Integer.toString(t.passed()), Integer.toString(t.failed())));
        }
        return new Chart("Pass and fail by check", WIDTH, height, rects, labels,
                List.of("Check", "Passed", "Failed"), rows);
    }

    /** 4, 8, 20, 40, 80, 200, … at or above {@code value}: round numbers that split into four whole ticks. */
    static int niceCeiling(int value) {
        for (long magnitude = 1; ; magnitude *= 10) {
            for (int step : new int[]{4, 8, 20}) {
                if (step * magnitude >= value) {
                    return (int) (step * magnitude);
                }
            }
        }
    }
}
