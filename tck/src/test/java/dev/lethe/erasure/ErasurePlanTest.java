package dev.lethe.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.law.ErasureExemption;
import dev.lethe.law.ErasureGround;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.subject.SubjectKey;
import dev.lethe.tck.shop.Customer;
import dev.lethe.tck.shop.OrderNote;
import dev.lethe.tck.shop.PurchaseOrder;
import dev.lethe.tck.shop.Shop;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErasurePlanTest {

  private final PersonalDataModel model = Shop.model();
  private final SubjectKey subject = new SubjectKey("customer", 7L);

  @Test
  @DisplayName(
      "Art. 17: the plan deletes or erases per entity type, deepest first, and keeps KEEP fields with their exemption")
  void planFromTheModel() {
    ErasurePlan plan = ErasurePlan.of(model, subject, ErasureGround.CONSENT_WITHDRAWN, List.of());

    assertThat(plan.steps())
        .extracting(step -> step.entity().name())
        .containsExactly("OrderNote", "PurchaseOrder", "LoginEvent", "Customer");
    ErasurePlan.Step note = plan.steps().get(0);
    assertThat(note.deleteRows()).isTrue();
    ErasurePlan.Step order = plan.steps().get(1);
    assertThat(order.deleteRows()).isFalse();
    assertThat(order.erased()).extracting(field -> field.name()).containsExactly("deliveryAddress");
    assertThat(order.kept())
        .extracting(field -> field.erasure().exemption().orElseThrow())
        .containsExactly(ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK);
    assertThat(plan.ground().article()).isEqualTo("Art. 17(1)(b)");
  }

  @Test
  @DisplayName(
      "Art. 17(3)(e): a hold on the subject keeps everything, with the reason in the receipt")
  void subjectHold() {
    ErasurePlan plan =
        ErasurePlan.of(
            model,
            subject,
            ErasureGround.OBJECTION,
            List.of(
                LegalHold.onSubject(subject, "Litigation hold 2026-04", Instant.EPOCH),
                LegalHold.onSubject(
                    new SubjectKey("customer", 8L), "Other subject", Instant.EPOCH)));

    assertThat(plan.steps()).isEmpty();
    ErasureReceipt receipt = ErasureReceipt.of(plan, Map.of(), Instant.EPOCH);
    assertThat(receipt.entities())
        .hasSize(4)
        .allSatisfy(outcome -> assertThat(outcome.heldBy()).contains("Litigation hold 2026-04"));
    assertThat(receipt.nothingLeft()).isTrue();
  }

  @Test
  @DisplayName(
      "Art. 17: the receipt counts rows per entity type and names kept fields, without personal data")
  void receipt() {
    ErasurePlan plan = ErasurePlan.of(model, subject, ErasureGround.CONSENT_WITHDRAWN, List.of());
    ErasureReceipt receipt =
        ErasureReceipt.of(
            plan,
            Map.of(
                OrderNote.class,
                new ErasurePlan.RowCount(3, 0),
                PurchaseOrder.class,
                new ErasurePlan.RowCount(0, 3)),
            Instant.parse("2026-11-24T10:00:00Z"));

    assertThat(receipt.rowsTouched()).isEqualTo(6);
    assertThat(receipt.nothingLeft()).isFalse();
    assertThat(receipt.entities())
        .filteredOn(outcome -> outcome.entity().equals("PurchaseOrder"))
        .singleElement()
        .satisfies(
            outcome ->
                assertThat(outcome.kept())
                    .containsExactly(
                        new ErasureReceipt.KeptField(
                            "total", ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)));
    assertThat(receipt.toString()).doesNotContain("7");
  }

  @Test
  @DisplayName(
      "A plan for an unknown subject type, or a hold covering both a subject and an entity, is refused")
  void badInput() {
    assertThatThrownBy(
            () ->
                ErasurePlan.of(
                    model, new SubjectKey("patient", 1L), ErasureGround.OBJECTION, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'patient'");
    assertThatThrownBy(
            () ->
                new LegalHold(
                    UUID.randomUUID(),
                    Optional.of(subject),
                    Optional.of(Customer.class),
                    "both",
                    Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LegalHold.onEntity(Customer.class, " ", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
