package dev.lethe.spring.services.billing;

import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** An invoice of an account, deleted with it. */
@Entity
@ProcessedFor("invoicing")
public class Invoice {
  @Id public Long id;

  @ManyToOne(optional = false)
  public Account account;

  @PersonalData(category = "financial.payment", erasure = ErasureStrategy.DELETE_ROW)
  public String items;

  protected Invoice() {}

  public Invoice(Long id, Account account, String items) {
    this.id = id;
    this.account = account;
    this.items = items;
  }
}
