package dev.lethe.jpa.identities;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;

/** A soft-deleted root, which the store resolves with native SQL so that hidden rows are found too. */
@Entity
@SoftDelete
@DataSubject("guest")
@Processing(purpose = "visits", basis = LawfulBasis.Kind.CONTRACT)
public class Guest {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  protected Guest() {}

  public Guest(Long id, String email) {
    this.id = id;
    this.email = email;
  }
}
