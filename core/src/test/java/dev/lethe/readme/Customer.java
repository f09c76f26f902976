package dev.lethe.readme;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import jakarta.persistence.Id;

/**
 * The README's quick-start subject, kept compiling and true by {@link ReadmeExampleTest}; with {@link Order},
 * the shop that {@link Shop} lends to core's other tests.
 */
@DataSubject("customer")
@Processing(purpose = "orders", basis = LawfulBasis.Kind.CONTRACT, recipients = "payment-provider")
@Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT, recipients = "email-host")
class Customer {
  @Id Long id;

  @SubjectIdentity("email")
  @PersonalData(category = "contact.email", erasure = ErasureStrategy.HASH)
  String email;

  @PersonalData(category = "identity.name")
  String name;
}
