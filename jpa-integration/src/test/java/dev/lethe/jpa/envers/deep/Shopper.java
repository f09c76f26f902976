package dev.lethe.jpa.envers.deep;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.envers.Audited;

/** The subject, kept after erasure; lists its parcels by a one-way {@code @OneToMany} with a join column. */
@Entity
@Audited
@DataSubject("shopper")
@Processing(purpose = "selling", basis = LawfulBasis.Kind.CONTRACT)
public class Shopper {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  @OneToMany
  @JoinColumn(name = "shopper_id")
  public List<Parcel> parcels = new ArrayList<>();

  protected Shopper() {}

  public Shopper(Long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
