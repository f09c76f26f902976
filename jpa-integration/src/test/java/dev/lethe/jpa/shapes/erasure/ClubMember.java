package dev.lethe.jpa.shapes.erasure;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.SQLRestriction;
import org.jspecify.annotations.Nullable;

/** A reading-club member: a subject root whose closed accounts a restriction hides from every query. */
@Entity
@DataSubject("member")
@Processing(purpose = "reading club", basis = LawfulBasis.Kind.CONSENT)
@SQLRestriction("closed = false")
public class ClubMember {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.NULLIFY)
  public @Nullable String name;

  public boolean closed;

  protected ClubMember() {}

  public ClubMember(Long id, String email, String name, boolean closed) {
    this.id = id;
    this.email = email;
    this.name = name;
    this.closed = closed;
  }
}
