package example.consultancy.people;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to Mesma's updates or newsletter: opt-in consent, kept in Lethe's consent ledger.
 * When consent goes, only a suppression entry stays ("we will keep your contact details only to
 * ensure that we do not contact you again").
 */
@Entity
@Processing(
    purpose = "newsletter",
    basis = LawfulBasis.Kind.CONSENT,
    recipients = {"email-host", "crm"})
public class NewsletterSubscription {

  @Id @GeneratedValue public @Nullable Long id;

  @ManyToOne(optional = false)
  public @Nullable Contact contact;

  @PersonalData(category = "preferences.marketing")
  public @Nullable String topics;

  public @Nullable Instant subscribedAt;

  protected NewsletterSubscription() {}

  /** A subscription to {@code topics}. */
  public NewsletterSubscription(Contact contact, String topics, Instant subscribedAt) {
    this.contact = contact;
    this.topics = topics;
    this.subscribedAt = subscribedAt;
  }
}
