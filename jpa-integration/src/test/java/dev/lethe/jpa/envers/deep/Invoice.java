package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.envers.Audited;

/** One hop from its shopper; kept after erasure with its billing name replaced, in its history too. */
@Entity
@Audited
public class Invoice {
  @Id public Long id;

  @ManyToOne public Shopper shopper;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String billedTo;

  protected Invoice() {}

  public Invoice(Long id, Shopper shopper, String billedTo) {
    this.id = id;
    this.shopper = shopper;
    this.billedTo = billedTo;
  }
}
