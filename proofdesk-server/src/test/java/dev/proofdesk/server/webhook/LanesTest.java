package dev.proofdesk.server.webhook;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An endpoint's lane when more nodes come to share it: its limit shrinks, and holds once the extra jobs finish. */
class LanesTest {

    @Test
    void aShrunkLimitHoldsOnceTheJobsAboveItHaveFinished() {
        List<Job> started = new ArrayList<>();
        Lanes lanes = new Lanes(4, 8, started::add);
        for (int i = 0; i < 8; i++) {
            assertThat(lanes.offer(job("delivery-" + i))).isTrue();
        }
        assertThat(started).hasSize(4);

        lanes.limit(2); // a second node joined: this one's share of 4
        lanes.done("endpoint", false);
        lanes.done("endpoint", false);
        assertThat(started).as("two of four running finished; none waiting may start above the new limit").hasSize(4);
        lanes.done("endpoint", false);
        assertThat(started).as("down to the limit: each finish starts the next").hasSize(5);
        lanes.done("endpoint", false);
        assertThat(started).hasSize(6);
    }

    @Test
    void aGrownLimitLetsMoreRunAtOnce() {
        List<Job> started = new ArrayList<>();
        Lanes lanes = new Lanes(1, 4, started::add);
        lanes.offer(job("a"));
        lanes.offer(job("b"));
        assertThat(started).hasSize(1);
        lanes.limit(2); // the other node left
        lanes.offer(job("c"));
        assertThat(started).extracting(j -> j.claimed().id()).containsExactly("a", "c");
    }

    private static Job job(String id) {
        return new Job(new Claimed(id, "account", "event-" + id, "endpoint", 0, "lease"),
                URI.create("http://127.0.0.1/hook"), "{}", List.of());
    }
}
