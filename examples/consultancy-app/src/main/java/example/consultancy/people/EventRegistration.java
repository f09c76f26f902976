package example.consultancy.people;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A booking for one of Mesma's courses, events or webinars, sold through the ticketing service. */
@Entity
@Processing(
    purpose = "events",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"ticketing", "video-meetings"})
public class EventRegistration {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Contact contact;

  public @Nullable String eventName;

  public @Nullable LocalDate eventDate;

  @PersonalData(category = "communication.content")
  public @Nullable String bookingNote;

  protected EventRegistration() {}

  /** A booking for {@code eventName}. */
  public EventRegistration(
      Contact contact, String eventName, LocalDate eventDate, String bookingNote) {
    this.contact = contact;
    this.eventName = eventName;
    this.eventDate = eventDate;
    this.bookingNote = bookingNote;
  }
}
