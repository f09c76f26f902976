package dev.lethe.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.erasure.RetentionTask;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RetentionSweeper;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RetentionSweeper} must do, over the {@link Shop} domain: orders are anonymised
 * six years after they were placed (2025-01-01), logins deleted 90 days after 2025-02-01.
 */
public abstract class RetentionSweeperCompatibilityKit {

  protected final PersonalDataModel model = Shop.model();

  /** A sweeper over {@code model} holding exactly {@code population}, its objects' ids as given. */
  protected abstract RetentionSweeper createSweeper(
      PersonalDataModel model, List<Object> population);

  /** The personal-data store over the same rows, to look at them after a sweep. */
  protected abstract PersonalDataStore store();

  @Test
  @DisplayName("Art. 5(1)(e): expired rows are deleted batch by batch until none is left")
  void deletesInBatches() {
    RetentionSweeper sweeper = createSweeper(model, Shop.population(3, 1));
    RetentionTask logins = task(LoginEvent.class, Instant.parse("2025-05-01T00:00:00Z"), Set.of());

    RetentionSweeper.Batch first = sweeper.sweep(logins, Optional.empty(), 4);
    RetentionSweeper.Batch second = sweeper.sweep(logins, first.lastKey(), 4);
    RetentionSweeper.Batch third = sweeper.sweep(logins, second.lastKey(), 4);

    assertThat(first.deleted()).isEqualTo(4);
    assertThat(second.deleted()).isEqualTo(2);
    assertThat(third.lastKey()).isEmpty();
    assertThat(sweeper.count(logins).processed()).isZero();
  }

  @Test
  @DisplayName("Art. 5(1)(e): rows not yet expired stay, and a dry-run count changes nothing")
  void notYetExpired() {
    RetentionSweeper sweeper = createSweeper(model, Shop.population(2, 1));
    RetentionTask early = task(LoginEvent.class, Instant.parse("2025-01-31T00:00:00Z"), Set.of());
    RetentionTask late = task(LoginEvent.class, Instant.parse("2025-05-01T00:00:00Z"), Set.of());

    assertThat(sweeper.sweep(early, Optional.empty(), 100).processed()).isZero();
    assertThat(sweeper.count(late).deleted()).isEqualTo(4);
    assertThat(sweeper.count(late).deleted()).as("counting changed nothing").isEqualTo(4);
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e), 17(3)(e): anonymisation erases personal data in place, keeps KEEP fields, skips held subjects, and does nothing twice")
  void anonymises() {
    RetentionSweeper sweeper = createSweeper(model, Shop.population(2, 2));
    RetentionTask orders =
        task(
            PurchaseOrder.class,
            Instant.parse("2031-06-01T00:00:00Z"),
            Set.of(new SubjectKey("customer", 2L)));

    RetentionSweeper.Batch batch = sweeper.sweep(orders, Optional.empty(), 100);

    assertThat(batch.anonymised()).isEqualTo(2);
    assertThat(batch.heldBack()).isEqualTo(2);
    try (var records =
        store()
            .records(
                new SubjectKey("customer", 1L), model.entity(PurchaseOrder.class).orElseThrow())) {
      assertThat(records.toList())
          .allSatisfy(
              record -> {
                assertThat(record.values().get("deliveryAddress")).isNull();
                assertThat(record.values().get("total")).isNotNull();
              });
    }
    assertThat(sweeper.sweep(orders, Optional.empty(), 100).anonymised()).isZero();
  }

  private RetentionTask task(Class<?> entity, Instant cutoff, Set<SubjectKey> held) {
    var descriptor = model.entity(entity).orElseThrow();
    return new RetentionTask(
        descriptor, descriptor.retention().orElseThrow(), cutoff, ZoneOffset.UTC, held);
  }
}
