package dev.lethe.jpa.hr;

import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.erasure.ErasureStrategy;
import dev.lethe.retention.RetentionAction;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An applicant's referee, anonymised six months after being contacted: a local date-time clock and a masked collection. */
@Entity
@Retention(period = "P6M", clock = "contactedAt", action = RetentionAction.ANONYMISE,
    reason = "Referees' details are kept six months after the reference")
public class Referee {
  @Id
  public Long id;

  @ManyToOne
  public Applicant applicant;

  public @Nullable LocalDateTime contactedAt;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @ElementCollection
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepFirst = 0, maskKeepLast = 2)
  public Set<String> phones = new LinkedHashSet<>();

  protected Referee() {
  }

  public Referee(Long id, Applicant applicant, @Nullable LocalDateTime contactedAt, String name, Set<String> phones) {
    this.id = id;
    this.applicant = applicant;
    this.contactedAt = contactedAt;
    this.name = name;
    this.phones = new LinkedHashSet<>(phones);
  }
}
