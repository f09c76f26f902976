package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.RetentionAction;
import java.time.Period;

/**
 * One entity's time limit for erasure (Art. 30(1)(f)) as a notice states it with its criterion
 * (Art. 13(2)(a)): how long rows are kept after the clock attribute's value, what happens then, and
 * why.
 *
 * @param entity the entity's name
 * @param period how long rows are kept
 * @param clock the attribute whose value starts the clock, such as {@code endedOn}
 * @param action what happens at expiry
 * @param reason why the period is what it is
 */
public record RetentionRule(
    String entity, Period period, String clock, RetentionAction action, String reason) {

  public RetentionRule {
    requireNonNull(entity, "entity");
    requireNonNull(period, "period");
    requireNonNull(clock, "clock");
    requireNonNull(action, "action");
    requireNonNull(reason, "reason");
  }
}
