package example.events;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A place on one event or webinar: a ticket in the ticketing service, a registration in the
 * video-meetings service. Deleted with its attendee (Art. 17).
 */
@Entity
public class Booking {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Attendee attendee;

  public @Nullable String eventName;

  public @Nullable LocalDate eventDate;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String note;

  protected Booking() {}

  /** A booking of {@code attendee} on {@code eventName}, with what they told the organiser. */
  public Booking(Attendee attendee, String eventName, LocalDate eventDate, String note) {
    this.attendee = attendee;
    this.eventName = eventName;
    this.eventDate = eventDate;
    this.note = note;
  }
}
