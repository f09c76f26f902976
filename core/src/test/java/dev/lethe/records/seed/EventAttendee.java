package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;

/** Someone registered for one of Mesma's courses, events or webinars. */
@DataSubject("event-attendee")
@Processing(
    purpose = "Events and webinars",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"Eventbrite", "Zoom"})
public class EventAttendee {
  @SubjectIdentity("id")
  Long id;

  @PersonalData(category = "identity.name")
  String fullName;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "professional.job-title")
  String jobTitle;

  @PersonalData(category = "professional.company")
  String company;
}
