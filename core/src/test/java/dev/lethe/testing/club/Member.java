package dev.lethe.testing.club;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;

/** A club member: one purpose on every basis, two of them on consent, two of them direct marketing. */
@DataSubject("member")
@Processing(
    purpose = "membership",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = "payment-provider")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT, recipients = "email-host")
@Processing(purpose = "partner-offers", basis = LawfulBasis.Kind.CONSENT, recipients = "partner")
@Processing(
    purpose = "event-invitations",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Inviting members to club events",
    assessment = "LIA-2025-01",
    recipients = "email-host")
@Processing(
    purpose = "fraud-prevention",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Preventing payment fraud",
    assessment = "LIA-2025-02")
@Processing(
    purpose = "sports-statistics",
    basis = LawfulBasis.Kind.PUBLIC_TASK,
    law = "Sports Act 2020, s. 12")
@Processing(purpose = "tax", basis = LawfulBasis.Kind.LEGAL_OBLIGATION, law = "Income Tax Act 2007")
@Processing(purpose = "emergencies", basis = LawfulBasis.Kind.VITAL_INTERESTS)
public class Member {
  @SubjectIdentity("id")
  Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "identity.name")
  String name;

  Member() {}

  /** A member with these values, for a test's in-memory personal data. */
  public Member(Long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
