package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.annotation.RetentionAction;
import dev.lethe.model.RetentionPolicy;
import dev.lethe.retention.RetentionReport;
import dev.lethe.retention.RetentionRunLog;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What every {@link RetentionRunLog} must do. Extend it and create an empty log. */
public abstract class RetentionRunLogCompatibilityKit {

  /** An empty log. */
  protected abstract RetentionRunLog createLog();

  @Test
  @DisplayName("Art. 5(2): recorded runs come back whole, newest first, as many as asked")
  void latestRuns() {
    RetentionRunLog log = createLog();
    RetentionReport first = run("2026-01-01T00:00:00Z");
    RetentionReport second = run("2026-02-01T00:00:00Z");
    RetentionReport third = run("2026-03-01T00:00:00Z");
    log.record(second);
    log.record(first);
    log.record(third);

    assertThat(log.latest(2)).containsExactly(third, second);
    assertThat(log.latest(10)).containsExactly(third, second, first);
    assertThat(log.latest(0)).isEmpty();
    assertThatThrownBy(() -> log.latest(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static RetentionReport run(String started) {
    Instant start = Instant.parse(started);
    RetentionPolicy policy =
        new RetentionPolicy(Period.ofDays(90), "at", RetentionAction.DELETE, "Security logs");
    return new RetentionReport(
        start,
        start.plusSeconds(5),
        false,
        List.of(
            new RetentionReport.PolicyRun(
                "LoginEvent",
                policy,
                start.minus(Duration.ofDays(90)),
                7,
                0,
                2,
                List.of("Security investigation"))));
  }
}
