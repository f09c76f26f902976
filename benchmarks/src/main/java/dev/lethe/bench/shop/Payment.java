package dev.lethe.bench.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/** A payment; kept, its card holder replaced on erasure. */
@Entity
@Table(name = "payment", indexes = @Index(columnList = "customer_id"))
public class Payment {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(
      category = "financial.payment",
      erasure = ErasureStrategy.REPLACE,
      placeholder = "erased")
  public @Nullable String holder;

  /** For JPA. */
  protected Payment() {
    this.id = 0L;
  }

  /** Sets the card holder; through a setter, so that it works on a Hibernate proxy too. */
  public void setHolder(@Nullable String value) {
    this.holder = value;
  }
}
