package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import java.time.LocalDate;

/** A Mesma employee's file. */
@DataSubject("employee")
@Processing(purpose = "Employment", basis = LawfulBasis.Kind.CONTRACT, recipients = "Xero")
@Retention(
    period = "P12M",
    clock = "employmentEndedOn",
    reason =
        "The employment file is kept for 12 months after employment ends, or longer where legislation requires")
public class Employee {
  @SubjectIdentity("id")
  Long id;

  @PersonalData(category = "identity.name")
  String fullName;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email")
  String email;

  @PersonalData(category = "contact.phone")
  String phone;

  @PersonalData(category = "contact.postal-address")
  String postalAddress;

  @PersonalData(category = "professional.job-title")
  String jobTitle;

  LocalDate employmentEndedOn;
}
