package dev.lethe.jpa.shapes.readonly;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.jspecify.annotations.Nullable;

/**
 * Personal data declared on read-only copies ({@code insertable = false, updatable = false}) of
 * columns that other attributes write: the borrower's key beside the association, and the name
 * the loan was made out to.
 */
@Entity
public class Loan {
  @Id public Long id;

  @ManyToOne
  @JoinColumn(name = "borrower_id")
  public Patron borrower;

  @Column(name = "borrower_id", insertable = false, updatable = false)
  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.NULLIFY)
  public @Nullable Long borrowerId;

  @Column(name = "made_out_to")
  public String madeOutTo;

  @Column(name = "made_out_to", insertable = false, updatable = false)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public @Nullable String madeOutToAsRead;

  protected Loan() {}

  public Loan(Long id, Patron borrower, String marker) {
    this.id = id;
    this.borrower = borrower;
    madeOutTo = "Made out to " + marker;
  }
}
