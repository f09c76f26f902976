package dev.lethe.breach;

import static java.util.Objects.requireNonNull;

import dev.lethe.subject.SubjectIdentifier;
import java.util.UUID;

/**
 * What a subject is told of a personal-data breach likely to result in a high risk to them (Art.
 * 34(1), 34(2)): in clear and plain language, the nature of the breach, the contact point, its likely
 * consequences and the measures taken. {@link #toString()} never shows the subject.
 *
 * @param breachId the breach
 * @param subject the subject to tell, by its root's id ({@code identity} {@code id}): the application
 *     looks up how to reach them
 * @param nature the nature of the breach
 * @param consequences its likely consequences
 * @param measures the measures taken or proposed
 * @param dpoContact the data protection officer or other contact point
 */
public record BreachNotice(
    UUID breachId,
    SubjectIdentifier subject,
    String nature,
    String consequences,
    String measures,
    String dpoContact) {

  public BreachNotice {
    requireNonNull(breachId, "breachId");
    requireNonNull(subject, "subject");
    requireNonNull(nature, "nature");
    requireNonNull(consequences, "consequences");
    requireNonNull(measures, "measures");
    requireNonNull(dpoContact, "dpoContact");
  }

  @Override
  public String toString() {
    return "BreachNotice[breachId=" + breachId + ", subject=" + subject + "]";
  }
}
