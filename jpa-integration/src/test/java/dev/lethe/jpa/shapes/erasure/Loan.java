package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;

/** A loan, deleted on erasure; returned loans are hidden by a filter every session enables. */
@Entity
@FilterDef(name = "open", defaultCondition = "returned = false", autoEnabled = true)
@Filter(name = "open")
public class Loan {
  @Id public Long id;

  @ManyToOne public Patron patron;

  public boolean returned;

  @PersonalData(category = "communication.content", erasure = ErasureStrategy.DELETE_ROW)
  public String remark;

  protected Loan() {}

  public Loan(Long id, Patron patron, boolean returned, String remark) {
    this.id = id;
    this.patron = patron;
    this.returned = returned;
    this.remark = remark;
  }
}
