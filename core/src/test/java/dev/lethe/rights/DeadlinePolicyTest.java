package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.request.RequestType;
import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlinePolicyTest {

  private final DeadlinePolicy article12 = DeadlinePolicy.article12();

  @ParameterizedTest(name = "received {0}, due {1}")
  @CsvSource({
    "2025-01-31, 2025-02-28",
    "2024-01-31, 2024-02-29",
    "2025-03-31, 2025-04-30",
    "2024-02-29, 2024-03-29",
    "2025-12-15, 2026-01-15"
  })
  @DisplayName("Art. 12(3): a request is due one calendar month after the day of receipt")
  void dueOneCalendarMonthAfterReceipt(LocalDate received, LocalDate due) {
    assertThat(article12.dueDate(RequestType.ACCESS, received)).isEqualTo(due);
  }

  @Test
  @DisplayName("Art. 12(3): the seed's promise decides restriction requests within 28 days")
  void restrictionWithin28Days() {
    DeadlinePolicy seed = article12.withPeriod(RequestType.RESTRICTION, Period.ofDays(28));

    assertThat(seed.dueDate(RequestType.RESTRICTION, LocalDate.parse("2025-02-01")))
        .isEqualTo("2025-03-01");
    assertThat(seed.dueDate(RequestType.ERASURE, LocalDate.parse("2025-02-01")))
        .isEqualTo("2025-03-01");
    assertThat(seed.dueDate(RequestType.RESTRICTION, LocalDate.parse("2025-03-01")))
        .isEqualTo("2025-03-29");
  }

  @Test
  void withPeriodLeavesTheOriginalUnchanged() {
    DeadlinePolicy changed = article12.withPeriod(RequestType.RESTRICTION, Period.ofDays(28));

    assertThat(article12.period(RequestType.RESTRICTION)).isEqualTo(Period.ofMonths(1));
    assertThat(changed)
        .isNotEqualTo(article12)
        .isEqualTo(
            DeadlinePolicy.article12().withPeriod(RequestType.RESTRICTION, Period.ofDays(28)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P29D", "P1M1D", "P2M", "P1Y", "P0D", "P-1D", "P5W"})
  @DisplayName(
      "Art. 12(3): a period that could end after one month, or is not positive, is refused")
  void periodsBeyondOneMonthAreRefused(String period) {
    assertThatThrownBy(() -> article12.withPeriod(RequestType.ACCESS, Period.parse(period)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ACCESS")
        .hasMessageContaining("Art. 12(3)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P1M", "P28D", "P4W", "P1D"})
  void periodsWithinOneMonthAreAccepted(String period) {
    assertThat(
            article12
                .withPeriod(RequestType.ACCESS, Period.parse(period))
                .period(RequestType.ACCESS))
        .isEqualTo(Period.parse(period));
  }

  @Test
  @DisplayName(
      "Art. 12(3): an extension reaches at most two further months after the original due date")
  void extensionsReachAtMostTwoMonths() {
    assertThat(article12.maximumExtension()).isEqualTo(Period.ofMonths(2));
    assertThat(article12.latestExtendedDueDate(LocalDate.parse("2024-12-31")))
        .isEqualTo("2025-02-28");
  }
}
