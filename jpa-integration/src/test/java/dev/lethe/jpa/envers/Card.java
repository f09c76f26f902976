package dev.lethe.jpa.envers;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.hibernate.envers.Audited;

/** Erased in place with its patron, and anonymised by retention: its history rewritten alike. */
@Entity
@Audited
@Retention(
    period = "P2Y",
    clock = "expiresOn",
    action = RetentionAction.ANONYMISE,
    reason = "Cards are kept two years after they expire")
public class Card {
  @Id public Long id;

  @ManyToOne public Patron patron;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String holder;

  @PersonalData(category = "identity.card", erasure = ErasureStrategy.MASK, maskKeepLast = 4)
  public String number;

  public LocalDate expiresOn;

  protected Card() {}

  public Card(Long id, Patron patron, String holder, String number, LocalDate expiresOn) {
    this.id = id;
    this.patron = patron;
    this.holder = holder;
    this.number = number;
    this.expiresOn = expiresOn;
  }
}
