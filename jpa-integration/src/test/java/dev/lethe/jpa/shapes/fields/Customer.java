package dev.lethe.jpa.shapes.fields;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.SubjectIdentity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A subject root whose class-level @PersonalData covers the name and telephone inherited from {@link Party}. */
@Entity
@DataSubject("customer")
@PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
public class Customer extends Party {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  protected Customer() {}

  public Customer(Long id, String displayName, String telephone, String email) {
    this.id = id;
    this.displayName = displayName;
    this.telephone = telephone;
    this.email = email;
  }
}
