package dev.lethe.restriction;

import dev.lethe.subject.SubjectIdentifier;

/**
 * Tells a data subject, before their restriction of processing is lifted, that it will be (Art.
 * 18(3)), such as by e-mail or in their account. {@link Restrictions#lift} calls it first and lifts
 * only when it returns.
 *
 * <p>There is no built-in: how subjects are reached is the application's to decide, and one that
 * told nobody would break Art. 18(3).
 */
@FunctionalInterface
public interface SubjectNotifier {

  /**
   * Tells {@code subject} that {@code restriction} is about to be lifted (Art. 18(3)).
   *
   * @throws RuntimeException when the subject could not be told; the restriction then stays
   */
  void notifyLifting(SubjectIdentifier subject, Restriction restriction);
}
