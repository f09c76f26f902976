package dev.lethe.spring.web;

import dev.lethe.erasure.ErasureReceipt;
import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The proof of an erasure (Art. 17, Art. 5(2)) as the admin API returns it: the ground, and per
 * entity type the rows deleted and erased in place, what was kept under an Art. 17(3) exemption and
 * what a legal hold kept. It holds no personal data.
 *
 * @param subjectType the erased subject's type
 * @param ground the Art. 17(1) ground
 * @param article the point of Art. 17(1) the ground is
 * @param erasedAt when the erasure ran
 * @param rowsTouched rows deleted or erased in place, in total
 * @param entities what happened per entity type
 * @param outcome {@code ERASED}, or {@code NO_DATA_HELD} when the identity named nobody and nothing
 *     was erased
 */
public record ReceiptView(
    String subjectType,
    ErasureGround ground,
    String article,
    Instant erasedAt,
    long rowsTouched,
    List<Entity> entities,
    ErasureReceipt.Outcome outcome) {

  /**
   * What the erasure did to one entity type.
   *
   * @param entity the entity's name
   * @param deleted rows deleted
   * @param updated rows erased in place
   * @param kept attributes kept, with the Art. 17(3) exemption for each
   * @param heldBy the reason of the legal hold that kept the entity untouched, if one did
   * @param shredded attributes stored encrypted whose subject key the erasure destroyed, so that
   *     every copy of them is unreadable (crypto-shredding, Art. 17(1))
   */
  public record Entity(
      String entity,
      long deleted,
      long updated,
      List<Kept> kept,
      @Nullable String heldBy,
      List<String> shredded) {}

  /**
   * An attribute kept despite the erasure.
   *
   * @param attribute the attribute's name
   * @param exemption the Art. 17(3) exemption that allows it
   */
  public record Kept(String attribute, ErasureExemption exemption) {}

  static ReceiptView of(ErasureReceipt receipt) {
    return new ReceiptView(
        receipt.subjectType(),
        receipt.ground(),
        receipt.ground().article(),
        receipt.erasedAt(),
        receipt.rowsTouched(),
        receipt.entities().stream()
            .map(
                outcome ->
                    new Entity(
                        outcome.entity(),
                        outcome.rows().deleted(),
                        outcome.rows().updated(),
                        outcome.kept().stream()
                            .map(kept -> new Kept(kept.attribute(), kept.exemption()))
                            .toList(),
                        outcome.heldBy().orElse(null),
                        outcome.rows().shredded()))
            .toList(),
        receipt.outcome());
  }
}
