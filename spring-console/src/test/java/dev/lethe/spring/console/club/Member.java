package dev.lethe.spring.console.club;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import java.time.Instant;

/** A club member: the subject root of the console's tests. */
@DataSubject("member")
@Processing(
    purpose = "membership",
    basis = LawfulBasis.Kind.CONTRACT,
    label = "Club <membership> & fees")
@Retention(
    period = "P2Y",
    clock = "leftAt",
    reason = "Two years after leaving, for disputes about fees")
public class Member {
  @SubjectIdentity("id")
  public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", label = "E-mail address")
  public String email;

  @PersonalData(category = "identity.name")
  public String fullName;

  public Instant leftAt;
}
