package dev.lethe.jpa.envers.deep;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;

/** A shopper's basket, holding no personal data itself; lists its items through a join table. */
@Entity
@Audited
public class Basket {
  @Id public Long id;

  @ManyToOne public Shopper shopper;

  @OneToMany
  @JoinTable(name = "Basket_Item")
  public List<Item> items = new ArrayList<>();

  protected Basket() {}

  public Basket(Long id, Shopper shopper) {
    this.id = id;
    this.shopper = shopper;
  }
}
