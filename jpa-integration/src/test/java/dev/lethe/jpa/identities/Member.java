package dev.lethe.jpa.identities;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A member: an e-mail compared as e-mail (by default) and a handle whose case matters. */
@Entity
@DataSubject("member")
@Processing(purpose = "membership", basis = LawfulBasis.Kind.CONTRACT)
public class Member {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @SubjectIdentity(value = "handle", match = SubjectIdentity.Match.EXACT)
  @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.REPLACE)
  public String handle;

  protected Member() {}

  public Member(Long id, String email, String handle) {
    this.id = id;
    this.email = email;
    this.handle = handle;
  }
}
