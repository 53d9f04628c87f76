package dev.proofdesk.server.dashboard.view;

import java.time.LocalDate;

/** Credits charged and refunded on one UTC day. */
public record CreditUsage(LocalDate date, long charged, long refunded) {
    public long net() {
        return charged - refunded;
    }
}
