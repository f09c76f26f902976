package dev.lethe.consent;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the controller keeps to demonstrate a subject's answer to a request for consent (Art. 7(1)):
 * the notice they were shown, how they answered, whether consent was asked as a condition of a
 * contract (Art. 7(4)), which weighs against it being freely given, whether it was explicit (Art.
 * 9(2)(a)), and who gave it (Art. 8(1)).
 *
 * <p>The subject's date of birth or age, where the application knows it, tells the ledger whether
 * the subject is a child below the age of digital consent (Art. 8(1)); the ledger keeps only the
 * answer, as {@link ConsentGiver}, never the date or the age.
 *
 * @param noticeVersion the version of the privacy notice or consent wording shown, such as {@code 2025-03}
 * @param method how the subject answered
 * @param bundledWithContract whether a contract or service was made conditional on the consent (Art. 7(4))
 * @param explicit whether consent was given by an express statement, as Art. 9(2)(a) requires for
 *     special categories of data
 * @param givenBy who gave it: the subject, or the holder of parental responsibility over a child (Art. 8(1))
 * @param subjectBornOn the subject's date of birth, if stated: used for the Art. 8 check and not kept
 * @param subjectAge the subject's age in years, if stated instead: used for the Art. 8 check and not kept
 */
public record ConsentEvidence(
    String noticeVersion,
    ConsentMethod method,
    boolean bundledWithContract,
    boolean explicit,
    ConsentGiver givenBy,
    Optional<LocalDate> subjectBornOn,
    OptionalInt subjectAge) {

  public ConsentEvidence {
    requireNonBlank(noticeVersion, "noticeVersion");
    requireNonNull(method, "method");
    requireNonNull(givenBy, "givenBy");
    requireNonNull(subjectBornOn, "subjectBornOn");
    requireNonNull(subjectAge, "subjectAge");
    if (subjectBornOn.isPresent() && subjectAge.isPresent()) {
      throw new IllegalArgumentException("State the subject's date of birth or age, not both");
    }
    if (subjectAge.isPresent() && subjectAge.getAsInt() < 0) {
      throw new IllegalArgumentException("A subject's age cannot be negative");
    }
  }

  /** Evidence of an answer, with no statement on explicitness, the subject's age or who gave it. */
  public ConsentEvidence(String noticeVersion, ConsentMethod method, boolean bundledWithContract) {
    this(
        noticeVersion,
        method,
        bundledWithContract,
        false,
        ConsentGiver.SUBJECT,
        Optional.empty(),
        OptionalInt.empty());
  }

  /** Evidence of an answer given freely, not bundled with a contract (Art. 7(1), 7(4)). */
  public static ConsentEvidence of(String noticeVersion, ConsentMethod method) {
    return new ConsentEvidence(noticeVersion, method, false);
  }

  /** This evidence, of consent given by an express statement (Art. 9(2)(a)), such as a separate signed or ticked statement. */
  public ConsentEvidence explicitly() {
    return new ConsentEvidence(
        noticeVersion, method, bundledWithContract, true, givenBy, subjectBornOn, subjectAge);
  }

  /** This evidence, of consent given or authorised by the holder of parental responsibility over the child (Art. 8(1)). */
  public ConsentEvidence byHolderOfParentalResponsibility() {
    return new ConsentEvidence(
        noticeVersion,
        method,
        bundledWithContract,
        explicit,
        ConsentGiver.HOLDER_OF_PARENTAL_RESPONSIBILITY,
        subjectBornOn,
        subjectAge);
  }

  /** This evidence, stating the subject's date of birth, for the Art. 8 check only: the ledger does not keep it. */
  public ConsentEvidence withSubjectBornOn(LocalDate bornOn) {
    return new ConsentEvidence(
        noticeVersion,
        method,
        bundledWithContract,
        explicit,
        givenBy,
        Optional.of(requireNonNull(bornOn, "bornOn")),
        OptionalInt.empty());
  }

  /** This evidence, stating the subject's age in years, for the Art. 8 check only: the ledger does not keep it. */
  public ConsentEvidence withSubjectAge(int years) {
    return new ConsentEvidence(
        noticeVersion,
        method,
        bundledWithContract,
        explicit,
        givenBy,
        Optional.empty(),
        OptionalInt.of(years));
  }

  /** Names what was stated, without the subject's date of birth or age: they are personal data. */
  @Override
  public String toString() {
    return "ConsentEvidence[noticeVersion="
        + noticeVersion
        + ", method="
        + method
        + ", bundledWithContract="
        + bundledWithContract
        + ", explicit="
        + explicit
        + ", givenBy="
        + givenBy
        + ", ageStated="
        + (subjectBornOn.isPresent() || subjectAge.isPresent())
        + "]";
  }
}
