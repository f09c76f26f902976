package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DeadlinePropertiesTest {

  private static final SubjectIdentifier SUBJECT = new SubjectIdentifier("customer", "id", "42");

  @Property
  @Label("Art. 12(3): every request is due one calendar month after the day of receipt")
  void dueOneCalendarMonthAfterReceipt(
      @ForAll("receiptDays") LocalDate receivedOn, @ForAll RequestType type) {
    assertThat(DeadlinePolicy.article12().dueDate(type, receivedOn))
        .isEqualTo(CalendarOracle.plusMonths(receivedOn, 1));
  }

  @Property
  @Label("Art. 12(3): restriction requests are due 28 days after receipt under the seed's promise")
  void restrictionDue28DaysAfterReceipt(@ForAll("receiptDays") LocalDate receivedOn) {
    DeadlinePolicy seed =
        DeadlinePolicy.article12().withPeriod(RequestType.RESTRICTION, Period.ofDays(28));

    assertThat(seed.dueDate(RequestType.RESTRICTION, receivedOn))
        .isEqualTo(CalendarOracle.plusDays(receivedOn, 28));
    assertThat(seed.dueDate(RequestType.ERASURE, receivedOn))
        .isEqualTo(CalendarOracle.plusMonths(receivedOn, 1));
  }

  @Property
  @Label("Art. 12(3): the deadline runs from the day of receipt in the controller's time zone")
  void dueFromTheDayOfReceiptInTheControllersZone(
      @ForAll("instants") Instant receivedAt, @ForAll("zones") ZoneId zone) {
    RightsFixture fixture = new RightsFixture(MutableClock.at(receivedAt, ZoneId.of("UTC")));
    DataSubjectRights rights = fixture.rights().zone(zone).build();

    RightsRequest request = rights.submit(RequestType.ACCESS, SUBJECT, Channel.WEB);

    assertThat(request.receivedAt()).isEqualTo(receivedAt);
    assertThat(request.dueDate())
        .isEqualTo(CalendarOracle.plusMonths(LocalDate.ofInstant(receivedAt, zone), 1));
  }

  @Property
  @Label("Art. 12(3): an extension never reaches beyond two months after the original due date")
  void anExtensionNeverPassesTwoMonths(
      @ForAll("instants") Instant receivedAt,
      @ForAll @IntRange(max = 3) int months,
      @ForAll @IntRange(max = 62) int days) {
    RightsFixture fixture = new RightsFixture(MutableClock.at(receivedAt, ZoneId.of("UTC")));
    DataSubjectRights rights = fixture.rights().identityVerifier(IdentityVerifier.never()).build();
    RightsRequest request = rights.submit(RequestType.ERASURE, SUBJECT, Channel.POST);
    LocalDate latest = CalendarOracle.plusMonths(request.originalDueDate(), 2);
    LocalDate proposed =
        CalendarOracle.plusDays(CalendarOracle.plusMonths(request.originalDueDate(), months), days);
    Period extension = Period.of(0, months, days);
    RightsFixture.State before = fixture.state();

    if (extension.isZero() || proposed.isAfter(latest)) {
      assertThatThrownBy(() -> rights.extend(request.id(), extension, "complex"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(request.id().toString());
      assertThat(fixture.state()).isEqualTo(before);
    } else {
      assertThat(rights.extend(request.id(), extension, "complex").dueDate()).isEqualTo(proposed);
    }
  }

  @Provide
  Arbitrary<LocalDate> receiptDays() {
    Arbitrary<LocalDate> anyDay =
        Arbitraries.longs()
            .between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2400, 12, 31).toEpochDay())
            .map(LocalDate::ofEpochDay);
    // Month ends are where "one month later" is hard, so they get half of the samples.
    Arbitrary<LocalDate> monthEnds =
        Combinators.combine(
                Arbitraries.integers().between(1900, 2400),
                Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 3))
            .as(
                (year, month, daysBefore) ->
                    YearMonth.of(year, month).atEndOfMonth().minusDays(daysBefore));
    return Arbitraries.oneOf(anyDay, monthEnds);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("1970-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2200-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(
            "UTC",
            "Europe/Amsterdam",
            "America/New_York",
            "Asia/Kolkata",
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago")
        .map(ZoneId::of);
  }
}
