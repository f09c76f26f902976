package dev.lethe.tck.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.law.ErasureExemption;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

/** An order of a customer, kept six years for tax law: the fixture's retention policy that anonymises. */
@Entity
@ProcessedFor("orders")
@Retention(
    period = "P6Y",
    clock = "placedAt",
    action = RetentionAction.ANONYMISE,
    reason = "Orders are kept six years for tax law")
public class PurchaseOrder {
  @Id public Long id;

  @ManyToOne public Customer customer;

  public Instant placedAt;

  @PersonalData(category = "contact.postal-address")
  public String deliveryAddress;

  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
  public BigDecimal total;

  protected PurchaseOrder() {}

  public PurchaseOrder(
      Long id, Customer customer, Instant placedAt, String deliveryAddress, BigDecimal total) {
    this.id = id;
    this.customer = customer;
    this.placedAt = placedAt;
    this.deliveryAddress = deliveryAddress;
    this.total = total;
  }
}
