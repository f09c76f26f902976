package dev.lethe.jpa.shapes.referral;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/** Two routes to one subject type: each field names whose it is. */
@Entity
public class Referral {
  @Id public Long id;

  @ManyToOne public Member referrer;

  @ManyToOne public Member referred;

  @PersonalData(category = "communication.content", of = "referrer")
  public @Nullable String referrerMessage;

  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE, of = "referred")
  public @Nullable String referredEmail;

  protected Referral() {}

  public Referral(
      Long id, Member referrer, Member referred, String referrerMessage, String referredEmail) {
    this.id = id;
    this.referrer = referrer;
    this.referred = referred;
    this.referrerMessage = referrerMessage;
    this.referredEmail = referredEmail;
  }
}
