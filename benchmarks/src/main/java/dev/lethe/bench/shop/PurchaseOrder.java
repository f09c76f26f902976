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

/** An order; kept for accounting, its shipping name nulled on erasure. */
@Entity
@Table(name = "purchase_order", indexes = @Index(columnList = "customer_id"))
public class PurchaseOrder {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable Customer customer;

  /** The personal data. */
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String shippingName;

  /** For JPA. */
  protected PurchaseOrder() {
    this.id = 0L;
  }

  /** Sets the shipping name; through a setter, so that it works on a Hibernate proxy too. */
  public void setShippingName(@Nullable String value) {
    this.shippingName = value;
  }
}
