package dev.lethe.spring.services.crm;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A CRM contact, whose data the CRM discloses to two services of its own that run Lethe. */
@Entity
@DataSubject("customer")
@Processing(
    purpose = "sales",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"billing", "events"})
@Processing(
    purpose = "event-invitations",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    recipients = "events",
    interest = "inviting customers to events like those they attended",
    assessment = "LIA-2026-04")
@Processing(purpose = "event-photos", basis = LawfulBasis.Kind.CONSENT, recipients = "events")
public class Contact {
  @Id public Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.REPLACE)
  public String email;

  @PersonalData(category = "identity.name", erasure = ErasureStrategy.REPLACE)
  public String name;

  protected Contact() {}

  public Contact(Long id, String email, String name) {
    this.id = id;
    this.email = email;
    this.name = name;
  }
}
