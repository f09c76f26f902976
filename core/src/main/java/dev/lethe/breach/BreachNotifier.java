package dev.lethe.breach;

/**
 * Tells one data subject of a personal-data breach likely to result in a high risk to them (Art.
 * 34(1)), such as by e-mail or in their account. {@link BreachRegister#notifySubjects} writes each
 * notice to the outbox, and the outbox's dispatcher calls this through {@link
 * BreachRegister#transport()}, at least once, retrying with back-off when it fails. A notice may be
 * delivered again after a crash: tell a subject of a breach once per {@link BreachNotice#breachId()}.
 *
 * <p>There is no built-in: how subjects are reached is the application's to decide.
 */
@FunctionalInterface
public interface BreachNotifier {

  /**
   * Tells the subject of {@code notice} of the breach (Art. 34(2)).
   *
   * @throws RuntimeException when the subject could not be told; the outbox tries again later
   */
  void notifySubject(BreachNotice notice);

  /** Whether anyone receives the notices now; while not, they stay pending in the outbox. */
  default boolean canDeliver() {
    return true;
  }
}
