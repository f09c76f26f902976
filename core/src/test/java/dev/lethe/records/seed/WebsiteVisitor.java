package dev.lethe.records.seed;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;

/** A visitor to www.mesma.co.uk, known only by the standard internet log information. */
@DataSubject("website-visitor")
@Processing(
    purpose = "Website analytics",
    basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
    interest = "Measuring how our website is used, to improve it",
    assessment = "LIA-2021-03 website analytics",
    recipients = {"Google Analytics", "WordPress.com"})
public class WebsiteVisitor {
  @SubjectIdentity("id")
  Long id;

  @PersonalData(category = "online.ip-address", origin = DataOrigin.OBSERVED)
  String ipAddress;
}
