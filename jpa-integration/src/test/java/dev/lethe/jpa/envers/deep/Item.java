package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

/** Two hops from its shopper, back through its basket's join table ({@code <Basket.items.shopper}). */
@Entity
@Audited
public class Item {
  @Id public Long id;

  @PersonalData(category = "behaviour.purchase", erasure = ErasureStrategy.DELETE_ROW)
  public String wish;

  protected Item() {}

  public Item(Long id, String wish) {
    this.id = id;
    this.wish = wish;
  }
}
