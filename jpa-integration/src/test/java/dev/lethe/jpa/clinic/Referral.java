package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import java.util.HashSet;
import java.util.Set;

/** Reaches its owners through a many-to-many join table; deleted on erasure, join rows first. */
@Entity
public class Referral {
  @Id public Long id;

  @ManyToMany public Set<Owner> owners = new HashSet<>();

  @PersonalData(category = "health.referral", erasure = ErasureStrategy.DELETE_ROW)
  public String reason;

  protected Referral() {}

  public Referral(Long id, Set<Owner> owners, String reason) {
    this.id = id;
    this.owners = new HashSet<>(owners);
    this.reason = reason;
  }
}
