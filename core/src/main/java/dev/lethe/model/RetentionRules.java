package dev.lethe.model;

import static dev.lethe.model.ProblemText.CLOCK_NOT_AN_ATTRIBUTE;
import static dev.lethe.model.ProblemText.CLOCK_OF_OTHER_TYPE;
import static dev.lethe.model.ProblemText.PERIOD_NOT_ISO;
import static dev.lethe.model.ProblemText.PERIOD_NOT_POSITIVE;
import static dev.lethe.model.ProblemText.RETENTION_WITHOUT_REASON;

import dev.lethe.annotation.Retention;
import java.lang.reflect.Field;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Storage limitation (Art. 5(1)(e)): a {@code @Retention} states a positive ISO-8601 period, counts
 * it from a date or time attribute of the entity, and says why the period is what it is, as a notice
 * must (Art. 13(2)(a)).
 */
final class RetentionRules {

  private final AnnotationReader reader;
  private final Problems problems;

  RetentionRules(AnnotationReader reader, Problems problems) {
    this.reader = reader;
    this.problems = problems;
  }

  /** The retention policy {@code type} declares, if it declares a valid one. */
  Optional<RetentionPolicy> retentionOf(Class<?> type) {
    Retention retention = type.getAnnotation(Retention.class);
    if (retention == null) {
      return Optional.empty();
    }
    String location = type.getName();
    Optional<Period> period = Optional.empty();
    try {
      Period parsed = Period.parse(retention.period());
      if (parsed.isZero() || parsed.isNegative()) {
        problems.report(PERIOD_NOT_POSITIVE, location, retention.period());
      } else {
        period = Optional.of(parsed);
      }
    } catch (DateTimeParseException e) {
      problems.report(PERIOD_NOT_ISO, location, retention.period());
    }
    Optional<Field> clock = reader.findField(type, retention.clock());
    if (clock.isEmpty()) {
      problems.report(
          CLOCK_NOT_AN_ATTRIBUTE,
          location,
          retention.clock(),
          type.getSimpleName(),
          ProblemText.clockCandidates(TemporalAttributes.of(type)));
    } else if (!TemporalAttributes.TYPES.contains(clock.get().getType())) {
      problems.report(
          CLOCK_OF_OTHER_TYPE,
          location,
          retention.clock(),
          clock.get().getType().getSimpleName(),
          ProblemText.clockCandidates(TemporalAttributes.of(type)));
    }
    if (retention.reason().isBlank()) {
      problems.report(RETENTION_WITHOUT_REASON, location);
    }
    return period
        .filter(valid -> clock.isPresent() && !retention.reason().isBlank())
        .map(
            valid ->
                new RetentionPolicy(
                    valid, retention.clock(), retention.action(), retention.reason()));
  }
}
