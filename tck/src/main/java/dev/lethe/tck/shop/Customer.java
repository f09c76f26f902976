package dev.lethe.tck.shop;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The compatibility kits' subject root: JPA-mapped so the JPA module can persist the same domain. */
@Entity
@DataSubject("customer")
@Processing(purpose = "orders", basis = LawfulBasis.Kind.CONTRACT, recipients = "payment-provider")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT, recipients = "email-host")
public class Customer {
  @Id public Long id;

  @SubjectIdentity("email")
  @Email
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @NotBlank
  @Size(max = 80)
  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @PersonalData(
      category = "contact.phone",
      erasure = ErasureStrategy.MASK,
      maskKeepFirst = 0,
      maskKeepLast = 2)
  public String phone;

  protected Customer() {}

  public Customer(Long id, String email, String name, String phone) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.phone = phone;
  }
}
