package dev.lethe.tck.shop;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.law.DataOrigin;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Two hops from its customer: OrderNote → PurchaseOrder → Customer. Deleted on erasure. */
@Entity
public class OrderNote {
  @Id public Long id;

  @ManyToOne public PurchaseOrder order;

  @PersonalData(
      category = "communication.content",
      origin = DataOrigin.DERIVED,
      erasure = ErasureStrategy.DELETE_ROW)
  public String text;

  protected OrderNote() {}

  public OrderNote(Long id, PurchaseOrder order, String text) {
    this.id = id;
    this.order = order;
    this.text = text;
  }
}
