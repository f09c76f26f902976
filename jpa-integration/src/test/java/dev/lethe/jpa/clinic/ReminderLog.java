package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectLink;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Linked to its owner by an e-mail column, not an association; deleted on erasure. */
@Entity
public class ReminderLog {
  @Id public Long id;

  @SubjectLink(subject = "owner", identity = "email")
  public String ownerEmail;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String message;

  protected ReminderLog() {}

  public ReminderLog(Long id, String ownerEmail, String message) {
    this.id = id;
    this.ownerEmail = ownerEmail;
    this.message = message;
  }
}
