package dev.lethe.model;

import static dev.lethe.model.ModelProblem.Kind.CLOCK_NOT_TEMPORAL;
import static dev.lethe.model.ModelProblem.Kind.CONFLICTING_BASIS;
import static dev.lethe.model.ModelProblem.Kind.IDENTITY_NOT_PERSONAL_DATA;
import static dev.lethe.model.ModelProblem.Kind.INCOMPLETE_BASIS;
import static dev.lethe.model.ModelProblem.Kind.INVALID_CATEGORY;
import static dev.lethe.model.ModelProblem.Kind.INVALID_MASK;
import static dev.lethe.model.ModelProblem.Kind.INVALID_PLACEHOLDER;
import static dev.lethe.model.ModelProblem.Kind.INVALID_RETENTION_PERIOD;
import static dev.lethe.model.ModelProblem.Kind.KEEP_WITHOUT_EXEMPTION;
import static dev.lethe.model.ModelProblem.Kind.MISPLACED_EXEMPTION;
import static dev.lethe.model.ModelProblem.Kind.MISSING_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.MISSING_RETENTION_REASON;
import static dev.lethe.model.ModelProblem.Kind.MISSING_SOURCE;
import static dev.lethe.model.ModelProblem.Kind.NULLIFY_ON_PRIMITIVE;
import static dev.lethe.model.ModelProblem.Kind.ROOT_WITHOUT_IDENTIFIER;
import static dev.lethe.model.ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_CONDITION;
import static dev.lethe.model.ModelProblem.Kind.SPECIAL_CATEGORY_WITHOUT_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.STRATEGY_NEEDS_TEXT;
import static dev.lethe.model.ModelProblem.Kind.SUBJECT_WITHOUT_ROOT;
import static dev.lethe.model.ModelProblem.Kind.SUBJECT_WITH_SEVERAL_ROOTS;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_CLOCK_ATTRIBUTE;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_IDENTITY;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_OWNER;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_PURPOSE;
import static dev.lethe.model.ModelProblem.Kind.UNKNOWN_SUBJECT_TYPE;
import static dev.lethe.model.ModelProblem.Kind.UNREACHABLE_PERSONAL_DATA;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.ErasureStrategy;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.Retention;
import dev.lethe.annotation.SpecialCategory;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.annotation.SubjectLink;
import dev.lethe.law.Article9Condition;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.ErasureExemption;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.SensitiveCategory;
import java.lang.annotation.ElementType;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;

/**
 * Deliberately broken classes, each declaring with {@link Expect} exactly the problems it causes.
 * Each links to {@link Customer}, the one valid root, unless the link itself is what is broken.
 */
final class BrokenFixtures {

  /** Every broken fixture that can be combined freely with the others. */
  static final List<Class<?>> COMBINABLE =
      List.of(
          BadPeriod.class,
          NegativePeriod.class,
          MissingClock.class,
          TextClock.class,
          HashOnNumber.class,
          MaskOnDate.class,
          NegativeMask.class,
          NullifyOnPrimitive.class,
          UnconvertiblePlaceholder.class,
          NoDefaultPlaceholder.class,
          HealthWithoutCondition.class,
          CriminalWithoutLaw.class,
          LinkToUnknownSubject.class,
          LinkToUnknownIdentity.class,
          IdentityOutsideRoot.class,
          ConsentWithoutPurpose.class,
          KeepWithoutExemption.class,
          ExemptionWithoutKeep.class,
          Unreachable.class,
          LegitimateInterestsWithoutAssessment.class,
          LegalObligationWithoutLaw.class,
          RootWithoutIdentifier.class,
          IdentityNotMarked.class,
          BadCategory.class,
          PublicWithoutSource.class,
          ManyProblems.class,
          PurposeOfUnknownOwner.class);

  private BrokenFixtures() {}

  /** The problems a fixture causes, located at the fixture itself or at its attribute. */
  @java.lang.annotation.Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface Expect {
    ModelProblem.Kind[] value();
  }

  @DataSubject("customer")
  static class Customer {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }

  @Expect(INVALID_RETENTION_PERIOD)
  @Retention(period = "12 months", clock = "closedOn", reason = "Kept a year")
  static class BadPeriod {
    @SubjectLink(subject = "customer")
    Long customerId;

    LocalDate closedOn;
  }

  @Expect(INVALID_RETENTION_PERIOD)
  @Retention(period = "P-1M", clock = "closedOn", reason = "Kept a month")
  static class NegativePeriod {
    @SubjectLink(subject = "customer")
    Long customerId;

    LocalDate closedOn;
  }

  @Expect(UNKNOWN_CLOCK_ATTRIBUTE)
  @Retention(period = "P1Y", clock = "closedAt", reason = "Kept a year")
  static class MissingClock {
    @SubjectLink(subject = "customer")
    Long customerId;

    LocalDate closedOn;
  }

  @Expect(CLOCK_NOT_TEMPORAL)
  @Retention(period = "P1Y", clock = "status", reason = "Kept a year")
  static class TextClock {
    @SubjectLink(subject = "customer")
    Long customerId;

    String status;
  }

  @Expect(STRATEGY_NEEDS_TEXT)
  static class HashOnNumber {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "identity.identifier", erasure = ErasureStrategy.HASH)
    long membershipNumber;
  }

  @Expect(STRATEGY_NEEDS_TEXT)
  static class MaskOnDate {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "identity.date-of-birth", erasure = ErasureStrategy.MASK)
    LocalDate birthday;
  }

  @Expect(INVALID_MASK)
  static class NegativeMask {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "contact.phone", erasure = ErasureStrategy.MASK, maskKeepLast = -2)
    String phone;
  }

  @Expect(NULLIFY_ON_PRIMITIVE)
  static class NullifyOnPrimitive {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "identity.age")
    int age;
  }

  @Expect(INVALID_PLACEHOLDER)
  static class UnconvertiblePlaceholder {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(
        category = "identity.age",
        erasure = ErasureStrategy.REPLACE,
        placeholder = "unknown")
    Integer age;
  }

  @Expect(INVALID_PLACEHOLDER)
  static class NoDefaultPlaceholder {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "identity.photo", erasure = ErasureStrategy.REPLACE)
    Object photo;
  }

  @Expect({SPECIAL_CATEGORY_WITHOUT_CONDITION, SPECIAL_CATEGORY_WITHOUT_PURPOSE})
  static class HealthWithoutCondition {
    @SubjectLink(subject = "customer")
    Long customerId;

    @SpecialCategory(SensitiveCategory.HEALTH)
    String diagnosis;
  }

  @Expect({SPECIAL_CATEGORY_WITHOUT_CONDITION, SPECIAL_CATEGORY_WITHOUT_PURPOSE})
  static class CriminalWithoutLaw {
    @SubjectLink(subject = "customer")
    Long customerId;

    @SpecialCategory(
        value = SensitiveCategory.CRIMINAL_CONVICTIONS_AND_OFFENCES,
        condition = Article9Condition.LEGAL_CLAIMS)
    String convictions;
  }

  @Expect({UNKNOWN_OWNER, UNKNOWN_PURPOSE})
  @ProcessedFor(value = "nowhere", of = "supplier")
  static class PurposeOfUnknownOwner {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "communication.content")
    String note;
  }

  @Expect(UNKNOWN_SUBJECT_TYPE)
  static class LinkToUnknownSubject {
    @SubjectLink(subject = "patient")
    Long patientId;

    @PersonalData(category = "communication.content")
    String note;
  }

  @Expect(UNKNOWN_IDENTITY)
  static class LinkToUnknownIdentity {
    @SubjectLink(subject = "customer", identity = "phone")
    String customerPhone;

    @PersonalData(category = "communication.content")
    String note;
  }

  @Expect(SUBJECT_WITHOUT_ROOT)
  static class IdentityOutsideRoot {
    @SubjectLink(subject = "customer")
    Long customerId;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;
  }

  @Expect(MISSING_PURPOSE)
  @Processing(purpose = "", basis = LawfulBasis.Kind.CONSENT)
  static class ConsentWithoutPurpose {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  @Expect(KEEP_WITHOUT_EXEMPTION)
  static class KeepWithoutExemption {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "financial.payment", erasure = ErasureStrategy.KEEP)
    String invoiceNumber;
  }

  @Expect(MISPLACED_EXEMPTION)
  static class ExemptionWithoutKeep {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "financial.payment", exemption = ErasureExemption.LEGAL_CLAIMS)
    String invoiceNumber;
  }

  @Expect(UNREACHABLE_PERSONAL_DATA)
  static class Unreachable {
    @PersonalData(category = "communication.content")
    String note;
  }

  @Expect(INCOMPLETE_BASIS)
  @Processing(
      purpose = "fraud-prevention",
      basis = LawfulBasis.Kind.LEGITIMATE_INTERESTS,
      interest = "Preventing fraud against our customers")
  static class LegitimateInterestsWithoutAssessment {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  @Expect(INCOMPLETE_BASIS)
  @Processing(purpose = "tax-records", basis = LawfulBasis.Kind.LEGAL_OBLIGATION)
  static class LegalObligationWithoutLaw {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  @Expect(ROOT_WITHOUT_IDENTIFIER)
  @DataSubject("visitor")
  static class RootWithoutIdentifier {
    @PersonalData(category = "online.ip-address")
    String ipAddress;
  }

  @Expect(IDENTITY_NOT_PERSONAL_DATA)
  @DataSubject("partner")
  static class IdentityNotMarked {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    String email;
  }

  @Expect(INVALID_CATEGORY)
  static class BadCategory {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "Contact Email")
    String email;
  }

  @Expect(MISSING_SOURCE)
  static class PublicWithoutSource {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "professional.job-title", origin = DataOrigin.PUBLICLY_AVAILABLE)
    String jobTitle;
  }

  @Expect({
    INVALID_RETENTION_PERIOD,
    UNKNOWN_CLOCK_ATTRIBUTE,
    MISSING_RETENTION_REASON,
    NULLIFY_ON_PRIMITIVE,
    STRATEGY_NEEDS_TEXT,
    KEEP_WITHOUT_EXEMPTION
  })
  @Retention(period = "P0D", clock = "endedOn", reason = " ")
  static class ManyProblems {
    @SubjectLink(subject = "customer")
    Long customerId;

    @PersonalData(category = "identity.age")
    short age;

    @PersonalData(category = "financial.salary", erasure = ErasureStrategy.MASK)
    double salary;

    @PersonalData(category = "financial.payment", erasure = ErasureStrategy.KEEP)
    String invoice;
  }

  /** With {@link SecondMemberRoot}: one subject type, two roots. */
  @DataSubject("member")
  static class FirstMemberRoot {
    @SubjectIdentity("id")
    Long id;
  }

  /** With {@link FirstMemberRoot}: one subject type, two roots. */
  @DataSubject("member")
  static class SecondMemberRoot {
    @SubjectIdentity("id")
    Long id;
  }

  /** With {@link NewsletterAsContract}: one purpose, two bases. */
  @Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONSENT)
  static class NewsletterAsConsent {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  /** With {@link NewsletterAsConsent}: one purpose, two bases. */
  @Processing(purpose = "newsletter", basis = LawfulBasis.Kind.CONTRACT)
  static class NewsletterAsContract {
    @SubjectLink(subject = "customer")
    Long customerId;
  }

  static final ModelProblem.Kind SEVERAL_ROOTS = SUBJECT_WITH_SEVERAL_ROOTS;
  static final ModelProblem.Kind TWO_BASES = CONFLICTING_BASIS;
}
