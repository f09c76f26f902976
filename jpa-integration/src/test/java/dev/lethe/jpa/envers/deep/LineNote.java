package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;
import org.hibernate.envers.Audited;
import org.jspecify.annotations.Nullable;

/**
 * Three hops from its shopper ({@code line.invoice.shopper}); erased in place (its line may be
 * gone: the link is nullable), and anonymised by retention.
 */
@Entity
@Audited
@Retention(
    period = "P2Y",
    clock = "writtenOn",
    action = RetentionAction.ANONYMISE,
    reason = "Notes are kept two years")
public class LineNote {
  @Id public Long id;

  @ManyToOne public @Nullable InvoiceLine line;

  @PersonalData(category = "behaviour.purchase", erasure = ErasureStrategy.MASK, maskKeepLast = 2)
  public String text;

  public LocalDate writtenOn;

  protected LineNote() {}

  public LineNote(Long id, InvoiceLine line, String text, LocalDate writtenOn) {
    this.id = id;
    this.line = line;
    this.text = text;
    this.writtenOn = writtenOn;
  }
}
