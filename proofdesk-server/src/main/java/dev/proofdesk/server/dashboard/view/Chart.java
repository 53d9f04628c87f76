package dev.proofdesk.server.dashboard.view;

import java.util.List;

/**
 * A chart drawn as plain SVG on the server: shapes with their coordinates already worked out, plus
 * the numbers as a table for screen readers and for anyone who prefers them.
 */
public record Chart(String title, int width, int height, List<Rect> rects, List<Label> labels,
                    List<String> columns, List<List<String>> rows) {

    /** A bar or bar segment; {@code tip} is shown on hover (an SVG title). */
    public record Rect(double x, double y, double w, double h, String css, String tip) {
    }

    public record Label(double x, double y, String text, String anchor) {
    }
}
