package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;

/** Someone who asked about Mesma's products by phone, e-mail, form or in person, or downloaded a resource. */
@DataSubject("enquirer")
@Processing(
    purpose = "B2B marketing",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Promoting our products",
    assessment = "LIA-2021-01 B2B marketing",
    recipients = {"HubSpot", "Microsoft 365"})
public class Enquirer {
  @SubjectIdentity("id")
  Long id;

  @PersonalData(category = "identity.name")
  String fullName;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "contact.phone")
  String businessPhone;

  @PersonalData(category = "contact.postal-address")
  String postalAddress;

  @PersonalData(category = "professional.job-title")
  String jobTitle;

  @PersonalData(category = "professional.company")
  String company;
}
