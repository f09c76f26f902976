package dev.lethe.law;

import static dev.lethe.internal.util.Texts.requireNonBlank;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lawful basis for a processing purpose (Art. 6(1) GDPR): every purpose has exactly one.
 *
 * <p>The basis decides which rights a data subject has for that purpose: portability (Art. 20)
 * only under consent or contract, objection (Art. 21) only under public task or legitimate
 * interests, withdrawal (Art. 7(3)) only under consent. {@link #rights()} answers that.
 */
public sealed interface LawfulBasis {

  /** Which of the six bases this is. */
  Kind kind();

  /** The rights a data subject holds for processing on this basis. */
  default Set<Right> rights() {
    return kind().rights();
  }

  /** Art. 6(1)(a): the subject consented to the processing for one or more specific purposes. */
  static LawfulBasis consent() {
    return new Consent();
  }

  /** Art. 6(1)(b): necessary for a contract with the subject or steps before entering one. */
  static LawfulBasis contract() {
    return new Contract();
  }

  /** Art. 6(1)(c): necessary for a legal obligation; {@code law} names it (Art. 6(3)). */
  static LawfulBasis legalObligation(String law) {
    return new LegalObligation(law);
  }

  /** Art. 6(1)(d): necessary to protect someone's vital interests. */
  static LawfulBasis vitalInterests() {
    return new VitalInterests();
  }

  /** Art. 6(1)(e): a task in the public interest or official authority; {@code law} names it. */
  static LawfulBasis publicTask(String law) {
    return new PublicTask(law);
  }

  /**
   * Art. 6(1)(f): the controller's legitimate interests, stated, and balanced against the
   * subject's rights in an assessment that {@code assessmentRef} points to.
   */
  static LawfulBasis legitimateInterests(String interest, String assessmentRef) {
    return new LegitimateInterests(interest, assessmentRef);
  }

  /** Art. 6(1)(a). */
  record Consent() implements LawfulBasis {
    @Override
    public Kind kind() {
      return Kind.CONSENT;
    }
  }

  /** Art. 6(1)(b). */
  record Contract() implements LawfulBasis {
    @Override
    public Kind kind() {
      return Kind.CONTRACT;
    }
  }

  /** Art. 6(1)(c), with the Union or Member State law that lays down the obligation. */
  record LegalObligation(String law) implements LawfulBasis {
    public LegalObligation {
      requireNonBlank(law, "law");
    }

    @Override
    public Kind kind() {
      return Kind.LEGAL_OBLIGATION;
    }
  }

  /** Art. 6(1)(d). */
  record VitalInterests() implements LawfulBasis {
    @Override
    public Kind kind() {
      return Kind.VITAL_INTERESTS;
    }
  }

  /** Art. 6(1)(e), with the law that vests the task or authority. */
  record PublicTask(String law) implements LawfulBasis {
    public PublicTask {
      requireNonBlank(law, "law");
    }

    @Override
    public Kind kind() {
      return Kind.PUBLIC_TASK;
    }
  }

  /** Art. 6(1)(f), with the interest pursued and where its balancing test is recorded. */
  record LegitimateInterests(String interest, String assessmentRef) implements LawfulBasis {
    public LegitimateInterests {
      requireNonBlank(interest, "interest");
      requireNonBlank(assessmentRef, "assessmentRef");
    }

    @Override
    public Kind kind() {
      return Kind.LEGITIMATE_INTERESTS;
    }
  }

  /** The six bases of Art. 6(1), as constants usable in annotations. */
  enum Kind {
    CONSENT("Art. 6(1)(a)", "Consent"),
    CONTRACT("Art. 6(1)(b)", "Performance of a contract"),
    LEGAL_OBLIGATION("Art. 6(1)(c)", "Legal obligation"),
    VITAL_INTERESTS("Art. 6(1)(d)", "Vital interests"),
    PUBLIC_TASK("Art. 6(1)(e)", "Public task"),
    LEGITIMATE_INTERESTS("Art. 6(1)(f)", "Legitimate interests");

    private final String article;
    private final String title;

    Kind(String article, String title) {
      this.article = article;
      this.title = title;
    }

    /** The article that defines this basis, such as {@code Art. 6(1)(a)}. */
    public String article() {
      return article;
    }

    /** A short human-readable name, for notices and records. */
    public String title() {
      return title;
    }

    /** Whether a declaration of this basis must name the law it rests on (Art. 6(3)). */
    public boolean needsLaw() {
      return this == LEGAL_OBLIGATION || this == PUBLIC_TASK;
    }

    /** The rights a subject holds under this basis. */
    public Set<Right> rights() {
      Set<Right> rights =
          EnumSet.of(
              Right.BE_INFORMED,
              Right.ACCESS,
              Right.RECTIFICATION,
              Right.RESTRICTION,
              Right.AUTOMATED_DECISIONS,
              Right.LODGE_COMPLAINT);
      switch (this) {
        case CONSENT ->
            rights.addAll(EnumSet.of(Right.ERASURE, Right.PORTABILITY, Right.WITHDRAW_CONSENT));
        case CONTRACT -> rights.addAll(EnumSet.of(Right.ERASURE, Right.PORTABILITY));
        case VITAL_INTERESTS -> rights.add(Right.ERASURE);
        case PUBLIC_TASK -> rights.add(Right.OBJECTION);
        case LEGITIMATE_INTERESTS -> rights.addAll(EnumSet.of(Right.ERASURE, Right.OBJECTION));
        case LEGAL_OBLIGATION -> {}
      }
      return Set.copyOf(rights);
    }
  }
}
