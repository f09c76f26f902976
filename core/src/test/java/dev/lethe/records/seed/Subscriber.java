package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;

/** A subscriber to Mesma's updates or newsletter, by opt-in. */
@DataSubject("newsletter-subscriber")
@Processing(purpose = "Newsletter", basis = LawfulBasis.Kind.CONSENT, recipients = "HubSpot")
public class Subscriber {
  @SubjectIdentity("id")
  Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "identity.name")
  String fullName;
}
