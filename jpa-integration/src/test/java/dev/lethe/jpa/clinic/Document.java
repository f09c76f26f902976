package dev.lethe.jpa.clinic;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;

/** The abstract root of a JOINED hierarchy: its rows are those of its subclasses. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public abstract class Document {
  @Id public Long id;

  @ManyToOne public Owner owner;

  @PersonalData(category = "communication.subject")
  public String title;

  protected Document() {}

  protected Document(Long id, Owner owner, String title) {
    this.id = id;
    this.owner = owner;
    this.title = title;
  }
}
