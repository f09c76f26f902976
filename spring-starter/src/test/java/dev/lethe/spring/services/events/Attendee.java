package dev.lethe.spring.services.events;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A registration for an event, found by the e-mail address the CRM knows the customer by. */
@Entity
@DataSubject("customer")
@Processing(purpose = "events", basis = LawfulBasis.Kind.CONTRACT)
@Processing(
    purpose = "invitations",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "inviting attendees to the next events",
    assessment = "LIA-2026-05")
@Processing(purpose = "event-photos", basis = LawfulBasis.Kind.CONSENT)
public class Attendee {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.DELETE_ROW)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.DELETE_ROW)
  public String badgeName;

  protected Attendee() {}

  public Attendee(Long id, String email, String badgeName) {
    this.id = id;
    this.email = email;
    this.badgeName = badgeName;
  }
}
