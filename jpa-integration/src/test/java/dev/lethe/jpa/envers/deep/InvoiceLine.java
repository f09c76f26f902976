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

/** Two hops from its shopper ({@code invoice.shopper}); deleted with it, and by retention. */
@Entity
@Audited
@Retention(
    period = "P1Y",
    clock = "billedOn",
    action = RetentionAction.DELETE,
    reason = "Lines are kept a year")
public class InvoiceLine {
  @Id public Long id;

  @ManyToOne public Invoice invoice;

  @PersonalData(category = "behaviour.purchase", erasure = ErasureStrategy.DELETE_ROW)
  public String description;

  public LocalDate billedOn;

  protected InvoiceLine() {}

  public InvoiceLine(Long id, Invoice invoice, String description, LocalDate billedOn) {
    this.id = id;
    this.invoice = invoice;
    this.description = description;
    this.billedOn = billedOn;
  }
}
