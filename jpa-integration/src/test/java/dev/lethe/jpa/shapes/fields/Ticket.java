package dev.lethe.jpa.shapes.fields;

import dev.lethe.annotation.SubjectLink;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/** Reaches its customer by an e-mail column with no @PersonalData: the column is personal data all the same. */
@Entity
public class Ticket {
  @Id public Long id;

  @SubjectLink(subject = "customer", identity = "email")
  public @Nullable String customerEmail;

  /** The product concerned: not personal data. */
  public String product;

  protected Ticket() {}

  public Ticket(Long id, String customerEmail, String product) {
    this.id = id;
    this.customerEmail = customerEmail;
    this.product = product;
  }
}
