package dev.lethe.jpa.shapes.sharedlink;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.util.List;

/** A flat its tenants share. */
@Entity
public class Flat {
  @Id public Long id;

  @OneToMany(mappedBy = "flat")
  public List<Tenant> tenants;

  @PersonalData(category = "contact.address", erasure = ErasureStrategy.REPLACE)
  public String address;

  protected Flat() {}
}
