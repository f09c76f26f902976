package dev.lethe.jpa.envers.deep;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Not audited: Envers keeps no record of whose wallet it was. */
@Entity
public class Wallet {
  @Id public Long id;

  @ManyToOne public Shopper shopper;

  protected Wallet() {}
}
