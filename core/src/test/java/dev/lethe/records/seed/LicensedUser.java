package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;

/** A user of the Mesma software, registered by their company on a trial or a licence. */
@DataSubject("licensed-user")
@Processing(
    purpose = "Providing the Mesma software",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = {"Microsoft Azure", "Crisp"})
@Processing(
    purpose = "Product updates",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Product upgrades and updates to new or existing customers",
    assessment = "LIA-2021-02 product updates",
    recipients = {"Crisp", "Microsoft 365"})
@Processing(purpose = "Invoicing", basis = LawfulBasis.Kind.CONTRACT, recipients = "Xero")
public class LicensedUser {
  @SubjectIdentity("id")
  Long id;

  @PersonalData(category = "identity.name")
  String fullName;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "contact.phone")
  String businessPhone;

  @PersonalData(category = "professional.job-title")
  String jobTitle;

  @PersonalData(category = "professional.company")
  String company;
}
