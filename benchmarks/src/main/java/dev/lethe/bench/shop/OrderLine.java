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

/** An order line, two hops from its customer; its gift note nulled on erasure. */
@Entity
@Table(name = "order_line", indexes = @Index(columnList = "order_id"))
public class OrderLine {
  /** The key. */
  @Id public Long id;

  /** The owning association; lazy, as a careful application maps it. */
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  public @Nullable PurchaseOrder order;

  /** The personal data. */
  @PersonalData(category = "communication.content", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String giftNote;

  /** For JPA. */
  protected OrderLine() {
    this.id = 0L;
  }

  /** Sets the gift note; through a setter, so that it works on a Hibernate proxy too. */
  public void setGiftNote(@Nullable String value) {
    this.giftNote = value;
  }
}
