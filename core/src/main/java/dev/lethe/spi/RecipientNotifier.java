package dev.lethe.spi;

import dev.lethe.rights.RecipientNotifications;

/**
 * Tells one recipient of personal data of a rectification, erasure or restriction (Art. 19), such
 * as by calling its API or sending an e-mail to its privacy contact. {@link RecipientNotifications}
 * writes each notice to the outbox, and the outbox's dispatcher calls this for it, at least once,
 * retrying with back-off when it fails; each outcome is audited. A notice may be delivered again
 * after a crash: the recipient applies each {@code RecipientNotifications#idempotencyKey} once.
 *
 * <p>There is no built-in: how recipients are reached is the application's to decide.
 */
@FunctionalInterface
public interface RecipientNotifier {

  /**
   * Tells {@code recipient} of the change described by {@code notification}.
   *
   * @param recipient the recipient's name, as the processing declares it, such as {@code crm}
   * @throws RuntimeException when the recipient could not be told; the caller retries later
   */
  void notifyRecipient(String recipient, Notification notification);

  /**
   * Whether anyone receives the notices now. While not, notices stay pending and no attempt is
   * counted, so that a notifier with no receiver never reports a notice as delivered (Art. 19).
   */
  default boolean canDeliver() {
    return true;
  }
}
