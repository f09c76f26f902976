package dev.lethe.jpa.clinic;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PreUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The subject root of pet owners: identities id and email; an embedded address; phones as an element collection. */
@Entity
@DataSubject("owner")
@Processing(purpose = "treatment", basis = LawfulBasis.Kind.CONTRACT)
public class Owner extends Person {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  public String email;

  @Embedded public Address address;

  @ElementCollection
  @OrderColumn
  @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = 2)
  public List<String> phones = new ArrayList<>();

  /** Set by the entity's own listener, so that a test can see that rectification runs it. */
  public Instant updatedAt;

  @PreUpdate
  void touch() {
    updatedAt = Instant.now();
  }

  protected Owner() {}

  public Owner(Long id, String name, String email, Address address, List<String> phones) {
    this.id = id;
    this.name = name;
    this.email = email;
    this.address = address;
    this.phones = new ArrayList<>(phones);
  }
}
