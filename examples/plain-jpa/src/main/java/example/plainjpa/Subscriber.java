package example.plainjpa;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** A newsletter subscriber: the data subject, found by e-mail address. */
@Entity
@DataSubject("subscriber")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT)
public class Subscriber {

  @Id public @Nullable Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public @Nullable String email;

  @PersonalData(category = "identity.name")
  public @Nullable String name;

  protected Subscriber() {}

  /** A subscriber. */
  public Subscriber(long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
