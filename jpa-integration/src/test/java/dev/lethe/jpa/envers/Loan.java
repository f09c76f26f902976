package dev.lethe.jpa.envers;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hibernate.envers.Audited;
import org.hibernate.envers.RelationTargetAuditMode;
import org.jspecify.annotations.Nullable;

/** Deleted with its patron (DELETE_ROW) and by retention, history and all; its books are not audited. */
@Entity
@Audited
@Retention(
    period = "P1Y",
    clock = "returnedOn",
    action = RetentionAction.DELETE,
    reason = "Loans are kept a year")
public class Loan {
  @Id public Long id;

  @ManyToOne public Patron patron;

  @PersonalData(category = "behaviour.lending", erasure = ErasureStrategy.DELETE_ROW)
  public String note;

  public @Nullable LocalDate returnedOn;

  @ElementCollection
  @PersonalData(category = "behaviour.lending", erasure = ErasureStrategy.DELETE_ROW)
  public Set<String> remarks = new LinkedHashSet<>();

  @ManyToMany
  @Audited(targetAuditMode = RelationTargetAuditMode.NOT_AUDITED)
  public Set<Book> books = new LinkedHashSet<>();

  protected Loan() {}

  public Loan(Long id, Patron patron, String note, @Nullable LocalDate returnedOn) {
    this.id = id;
    this.patron = patron;
    this.note = note;
    this.returnedOn = returnedOn;
  }
}
