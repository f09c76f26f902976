package dev.lethe.spring.services.billing;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A billing account, found by the e-mail address the CRM knows the customer by. */
@Entity
@DataSubject("customer")
@Processing(purpose = "invoicing", basis = LawfulBasis.Kind.CONTRACT)
public class Account {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @PersonalData(category = "contact.postal-address", erasure = ErasureStrategy.REPLACE)
  public String billingAddress;

  protected Account() {}

  public Account(Long id, String email, String billingAddress) {
    this.id = id;
    this.email = email;
    this.billingAddress = billingAddress;
  }
}
