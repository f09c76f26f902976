package example.plainjpa;

import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** A webinar booking: linked to its subscriber by the association, with no annotation needed for the link. */
@Entity
public class Booking {

  @Id public @Nullable Long id;

  @ManyToOne public @Nullable Subscriber subscriber;

  @PersonalData(category = "communication.content")
  public @Nullable String note;

  protected Booking() {}

  /** A booking with a note. */
  public Booking(long id, Subscriber subscriber, String note) {
    this.id = id;
    this.subscriber = subscriber;
    this.note = note;
  }
}
