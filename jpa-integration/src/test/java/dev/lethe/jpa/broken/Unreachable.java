package dev.lethe.jpa.broken;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Personal data that reaches no subject: no association, no link. */
@Entity
public class Unreachable {
  @Id public Long id;

  @PersonalData(category = "contact.email")
  public String email;
}
