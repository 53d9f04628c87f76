package dev.proofdesk.server.dashboard.view;

/** One field of two flow definitions side by side; {@code before} is null when there was nothing before. */
public record DiffRow(String field, String before, String after) {
    public boolean changed() {
        return before == null ? after != null : !before.equals(after);
    }
}
