package dev.lethe.jpa.hr;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An applicant's referee, anonymised six months after being contacted: a local date-time clock and a masked collection. */
@Entity
@Retention(
    period = "P6M",
    clock = "contactedAt",
    action = RetentionAction.ANONYMISE,
    reason = "Referees' details are kept six months after the reference")
public class Referee {
  @Id public Long id;

  @ManyToOne public Applicant applicant;

  public @Nullable LocalDateTime contactedAt;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  /** A List, not a Set: masks of two numbers may be equal, and a Set's table refuses duplicates (issue 13 item 11). */
  @ElementCollection
  @PersonalData(
      category = "contact.phone",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 0,
      maskKeepLast = 2)
  public List<String> phones = new ArrayList<>();

  protected Referee() {}

  public Referee(
      Long id,
      Applicant applicant,
      @Nullable LocalDateTime contactedAt,
      String name,
      Collection<String> phones) {
    this.id = id;
    this.applicant = applicant;
    this.contactedAt = contactedAt;
    this.name = name;
    this.phones = new ArrayList<>(phones);
  }
}
