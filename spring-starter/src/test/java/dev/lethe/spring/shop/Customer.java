package dev.lethe.spring.shop;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Email;

@Entity
@DataSubject("customer")
@Processing(purpose = "orders", basis = LawfulBasis.Kind.CONTRACT, recipients = "payment-provider")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT, recipients = "email-host")
public class Customer {
  @Id public Long id;

  @Email
  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @PersonalData(category = "identity.name")
  public String name;

  protected Customer() {}

  public Customer(Long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
