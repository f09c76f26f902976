package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.law.ErasureExemption;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/** A JOINED subclass erased in place, with an amount kept for tax law (Art. 17(3)(b)). */
@Entity
public class Invoice extends Document {
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String billingName;

  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.KEEP,
      exemption = ErasureExemption.LEGAL_OBLIGATION_OR_PUBLIC_TASK)
  public BigDecimal amount;

  protected Invoice() {}

  public Invoice(Long id, Owner owner, String title, String billingName, BigDecimal amount) {
    super(id, owner, title);
    this.billingName = billingName;
    this.amount = amount;
  }
}
