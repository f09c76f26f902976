package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.RetentionAction;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import java.time.LocalDate;

/** Someone applying to work at Mesma; anonymised rows keep the recruitment statistics. */
@DataSubject("job-applicant")
@Processing(
    purpose = "Recruitment",
    basis = LawfulBasis.Kind.CONTRACT,
    recipients = "Microsoft 365")
@Retention(
    period = "P12M",
    clock = "recruitmentClosedOn",
    action = RetentionAction.ANONYMISE,
    reason =
        "Unsuccessful candidates' data is held for 12 months after the recruitment exercise has been completed,"
            + " then deleted; only de-personalised statistics are kept")
public class Applicant {
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

  LocalDate recruitmentClosedOn;
}
