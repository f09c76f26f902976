package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.law.ErasureExemption;
import java.util.Optional;

/**
 * What erasure (Art. 17) does to one attribute: the strategy with its parameters and, for
 * {@link ErasureStrategy#KEEP}, the Art. 17(3) exemption that allows keeping it.
 *
 * @param strategy the strategy
 * @param placeholder for {@code REPLACE}: the stated placeholder; empty means the type's default
 * @param maskKeepFirst for {@code MASK}: leading characters left readable
 * @param maskKeepLast for {@code MASK}: trailing characters left readable
 * @param exemption for {@code KEEP}: why the attribute is kept
 */
public record ErasureRule(
    ErasureStrategy strategy,
    Optional<String> placeholder,
    int maskKeepFirst,
    int maskKeepLast,
    Optional<ErasureExemption> exemption) {

  public ErasureRule {
    requireNonNull(strategy, "strategy");
    requireNonNull(placeholder, "placeholder");
    requireNonNull(exemption, "exemption");
  }

  /** A rule with no parameters, such as {@code NULLIFY} or {@code DELETE_ROW}. */
  public static ErasureRule of(ErasureStrategy strategy) {
    return new ErasureRule(strategy, Optional.empty(), 0, 0, Optional.empty());
  }
}
