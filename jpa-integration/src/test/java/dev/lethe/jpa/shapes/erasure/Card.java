package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A library card with a timestamp version, anonymised a year after it was issued. */
@Entity
@Retention(
    period = "P1Y",
    clock = "issuedOn",
    action = RetentionAction.ANONYMISE,
    reason = "Card holders are kept a year after issue")
public class Card {
  @Id public Long id;

  @ManyToOne public Patron patron;

  public LocalDate issuedOn;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public @Nullable String holder;

  @Version public @Nullable Instant version;

  protected Card() {}

  public Card(Long id, Patron patron, LocalDate issuedOn, String holder) {
    this.id = id;
    this.patron = patron;
    this.issuedOn = issuedOn;
    this.holder = holder;
  }
}
