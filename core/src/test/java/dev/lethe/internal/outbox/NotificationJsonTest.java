package dev.lethe.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.internal.rights.CorrectedValues;
import dev.lethe.law.ErasureGround;
import dev.lethe.request.RequestId;
import dev.lethe.spi.Notification;
import dev.lethe.subject.SubjectIdentifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Notices to recipients as the broker carries them between services (Art. 7(3), 16, 17(2), 19, 21). */
class NotificationJsonTest {

  @Property
  void art19_everyNoticeReadsBackAsWritten(@ForAll("notices") Notification notice) {
    assertThat(NotificationJson.read(NotificationJson.write(notice))).isEqualTo(notice);
  }

  @Property
  void art16_aCorrectedValueReadsBackAsItsAttributesType(@ForAll("typedValues") Object value) {
    String text = CorrectedValues.text(value);

    assertThat(CorrectedValues.read(text, value.getClass())).contains(value);
  }

  @Property
  void art19_aNoticesTextNeverShowsTheIdentityOrAValue(@ForAll("notices") Notification notice) {
    String shown = notice.toString();

    assertThat(shown).doesNotContain(notice.subject().value());
    notice.corrections().values().stream()
        .filter(value -> value != null && value.length() > 3)
        .forEach(value -> assertThat(shown).doesNotContain(value));
  }

  @Provide
  Arbitrary<Notification> notices() {
    Arbitrary<SubjectIdentifier> subjects =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .withChars("é😀 \"\\")
            .ofMinLength(5)
            .ofMaxLength(40)
            .map(value -> new SubjectIdentifier("customer", "email", "x" + value));
    Arbitrary<Map<String, String>> corrections =
        Arbitraries.maps(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(30).injectNull(0.2))
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(LinkedHashMap::new);
    Arbitrary<String> purposes = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20);
    return Combinators.combine(
            subjects,
            corrections,
            purposes,
            Arbitraries.of(ErasureGround.class),
            Arbitraries.integers().between(0, 5))
        .as(
            (subject, values, purpose, ground, kind) ->
                switch (kind) {
                  case 0 -> Notification.rectification(RequestId.random(), subject, values);
                  case 1 -> Notification.erasure(RequestId.random(), subject, ground);
                  case 2 -> Notification.restriction(RequestId.random(), subject);
                  case 3 -> Notification.restrictionLifted(RequestId.random(), subject);
                  case 4 -> Notification.objection(RequestId.random(), subject, purpose);
                  default -> Notification.consentWithdrawal(RequestId.random(), subject, purpose);
                });
  }

  @Provide
  Arbitrary<Object> typedValues() {
    return Arbitraries.oneOf(
        Arbitraries.integers().map(Object.class::cast),
        Arbitraries.longs().map(Object.class::cast),
        Arbitraries.doubles().map(Object.class::cast),
        Arbitraries.bigDecimals().map(Object.class::cast),
        Arbitraries.of(true, false).map(Object.class::cast),
        Arbitraries.of(ErasureGround.class).map(Object.class::cast),
        Arbitraries.create(UUID::randomUUID).map(Object.class::cast),
        Arbitraries.longs()
            .between(-10_000_000_000L, 100_000_000_000L)
            .map(seconds -> (Object) Instant.ofEpochSecond(seconds, 1234)),
        Arbitraries.integers()
            .between(-100_000, 100_000)
            .map(day -> (Object) LocalDate.ofEpochDay(day)),
        Arbitraries.longs()
            .between(0, 4_000_000_000L)
            .map(seconds -> (Object) LocalDateTime.of(1970, 1, 1, 0, 0).plusSeconds(seconds)),
        Arbitraries.strings().ofMaxLength(20).map(Object.class::cast));
  }

  @Property
  void art16_textThatIsNotItsTypeIsNotRead(@ForAll("notNumbers") String text) {
    assertThat(CorrectedValues.read(text, BigDecimal.class)).isEmpty();
    assertThat(CorrectedValues.read(text, LocalDate.class)).isEmpty();
  }

  @Provide
  Arbitrary<String> notNumbers() {
    return Arbitraries.strings()
        .alpha()
        .ofMinLength(1)
        .ofMaxLength(10)
        .filter(text -> !text.matches("(?i)e|.*[0-9].*"));
  }
}
