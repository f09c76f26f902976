package dev.lethe.jpa.clinic;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The subject root of vets, a second subject type. */
@Entity
@DataSubject("vet")
@Processing(purpose = "employment", basis = LawfulBasis.Kind.CONTRACT)
public class Vet extends Person {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  protected Vet() {}

  public Vet(Long id, String name, String email) {
    this.id = id;
    this.name = name;
    this.email = email;
  }
}
