package dev.lethe.jpa.shapes.fields;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectLink;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Keyed by its customer's id through a link: an identifier cannot be overwritten, so erasure deletes the row. */
@Entity
public class Preferences {
  @Id
  @SubjectLink(subject = "customer")
  public Long customerId;

  @PersonalData(category = "preferences.marketing")
  public String topics;

  protected Preferences() {}

  public Preferences(Long customerId, String topics) {
    this.customerId = customerId;
    this.topics = topics;
  }
}
