package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

/** Listed by its shopper's one-way {@code @OneToMany} with a join column: it names no shopper itself. */
@Entity
@Audited
@PersonalData(category = "contact.address", erasure = ErasureStrategy.DELETE_ROW)
public class Parcel {
  @Id public Long id;

  public String address;

  protected Parcel() {}

  public Parcel(Long id, String address) {
    this.id = id;
    this.address = address;
  }
}
