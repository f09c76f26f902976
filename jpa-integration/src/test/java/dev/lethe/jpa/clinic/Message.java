package dev.lethe.jpa.clinic;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.SoftDelete;

/** Soft-deleted and deleted on erasure: hidden rows are deleted for real, natively. */
@Entity
@SoftDelete
public class Message {
  @Id public Long id;

  @ManyToOne public Owner sender;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String body;

  protected Message() {}

  public Message(Long id, Owner sender, String body) {
    this.id = id;
    this.sender = sender;
    this.body = body;
  }
}
