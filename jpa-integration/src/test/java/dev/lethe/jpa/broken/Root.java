package dev.lethe.jpa.broken;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A valid subject root, so that only the broken mappings are reported. */
@Entity
@DataSubject("member")
public class Root {
  @Id public Long id;

  @PersonalData(category = "identity.name")
  public String name;
}
