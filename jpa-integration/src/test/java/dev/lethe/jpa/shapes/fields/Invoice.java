package dev.lethe.jpa.shapes.fields;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.law.ErasureExemption;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/** Deleted on erasure, but its amount is kept for tax law: the row stays and the rest is erased in place. */
@Entity
@PersonalData(category = "financial.payment", erasure = ErasureStrategy.DELETE_ROW)
public class Invoice {
  @Id public Long id;

  @ManyToOne public Customer customer;

  public @Nullable String billingName;

  public @Nullable String reference;

  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
  public BigDecimal amount;

  /** Derived in SQL: no column native SQL can name, so the export reads it through JPQL. */
  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
  @Formula("amount * 2")
  public @Nullable BigDecimal doubled;

  protected Invoice() {}

  public Invoice(
      Long id, Customer customer, String billingName, String reference, BigDecimal amount) {
    this.id = id;
    this.customer = customer;
    this.billingName = billingName;
    this.reference = reference;
    this.amount = amount;
  }
}
