package dev.lethe.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.erasure.LegalHold;
import dev.lethe.erasure.LegalHoldStore;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.LoginEvent;
import dev.lethe.tck.shop.Shop;
import dev.lethe.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RetentionEnforcerTest {

  private final PersonalDataModel model = Shop.model();
  private final MutableClock clock =
      MutableClock.at(Instant.parse("2031-06-01T00:00:00Z"), ZoneOffset.UTC);
  private final PersonalDataStore.InMemoryStore store =
      PersonalDataStore.inMemory(model, Pseudonymizer.withRandomKey())
          .add(Shop.population(3, 2).toArray());
  private final LegalHoldStore holds = LegalHoldStore.inMemory();
  private final RetentionRunLog runLog = RetentionRunLog.inMemory();
  private final List<RetentionEnforcer.RetentionProgress> progress = new ArrayList<>();
  private final List<RetentionReport> heard = new ArrayList<>();
  private final RetentionEnforcer enforcer =
      RetentionEnforcer.builder(model, store)
          .clock(clock)
          .legalHolds(holds)
          .runLog(runLog)
          .batchSize(2)
          .progress(progress::add)
          .runListener(heard::add)
          .build();

  @Test
  @DisplayName(
      "Art. 5(1)(e), 5(2): a run deletes and anonymises what expired, reports per policy, and is logged")
  void run() {
    RetentionReport report = enforcer.run();

    assertThat(report.dryRun()).isFalse();
    assertThat(policy(report, "LoginEvent").deleted()).isEqualTo(6);
    assertThat(policy(report, "PurchaseOrder").anonymised()).isEqualTo(6);
    assertThat(policy(report, "PurchaseOrder").cutoff())
        .isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
    assertThat(runLog.latest(5)).containsExactly(report);
    assertThat(heard).containsExactly(report);
    assertThat(progress)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.entity()).isIn("LoginEvent", "PurchaseOrder"));
  }

  @Test
  @DisplayName("Art. 5(1)(e): a second run does nothing")
  void secondRunDoesNothing() {
    enforcer.run();

    assertThat(enforcer.run().rowsProcessed()).isZero();
  }

  @Test
  @DisplayName(
      "Art. 5(1)(e): a dry run reports what a run would do, changes nothing and is not logged")
  void dryRun() {
    RetentionReport dry = enforcer.dryRun();

    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.rowsProcessed()).isEqualTo(12);
    assertThat(enforcer.dryRun().rowsProcessed()).isEqualTo(12);
    assertThat(runLog.latest(5)).isEmpty();
    assertThat(heard).as("dry runs are not reported").isEmpty();
  }

  @Test
  @DisplayName("Art. 5(1)(e): nothing expires before its period has run")
  void notYetExpired() {
    clock.advanceDays(-(365L * 6));

    RetentionReport report = enforcer.run();

    assertThat(policy(report, "PurchaseOrder").anonymised()).isZero();
    assertThat(policy(report, "LoginEvent").deleted()).isEqualTo(6);
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): legal holds keep their rows, per subject and per entity type, with the reason in the report")
  void legalHolds() {
    holds.place(
        LegalHold.onSubject(new SubjectKey("customer", 1L), "Claim 2031-02", Instant.EPOCH));
    holds.place(LegalHold.onEntity(LoginEvent.class, "Security investigation", Instant.EPOCH));

    RetentionReport report = enforcer.run();

    RetentionReport.PolicyRun orders = policy(report, "PurchaseOrder");
    assertThat(orders.anonymised()).isEqualTo(4);
    assertThat(orders.heldBack()).isEqualTo(2);
    RetentionReport.PolicyRun logins = policy(report, "LoginEvent");
    assertThat(logins.deleted()).isZero();
    assertThat(logins.heldBack()).isEqualTo(6);
    assertThat(logins.heldBy()).containsExactly("Security investigation");
  }

  @Test
  @DisplayName("A batch size that is not positive is refused")
  void badBatchSize() {
    assertThatThrownBy(() -> RetentionEnforcer.builder(model, store).batchSize(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-5");
    assertThatThrownBy(() -> RetentionEnforcer.builder(model, store).batchSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static RetentionReport.PolicyRun policy(RetentionReport report, String entity) {
    return report.policies().stream()
        .filter(run -> run.entity().equals(entity))
        .findFirst()
        .orElseThrow();
  }
}
