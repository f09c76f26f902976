package example.events;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** A question an attendee asked during a webinar, kept with the recording's Q&amp;A. Deleted with its attendee (Art. 17). */
@Entity
public class WebinarQuestion {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Attendee attendee;

  public @Nullable String webinar;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public @Nullable String question;

  protected WebinarQuestion() {}

  /** {@code question}, asked by {@code attendee} during {@code webinar}. */
  public WebinarQuestion(Attendee attendee, String webinar, String question) {
    this.attendee = attendee;
    this.webinar = webinar;
    this.question = question;
  }
}
