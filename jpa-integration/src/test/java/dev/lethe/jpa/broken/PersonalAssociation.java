package dev.lethe.jpa.broken;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;

/** {@code @PersonalData} on an association and on a transient field: neither can be erased. */
@Entity
public class PersonalAssociation {
  @Id public Long id;

  @ManyToOne
  @PersonalData(category = "identity.name")
  public Root member;

  @Transient
  @PersonalData(category = "identity.name")
  public String displayName;
}
