package dev.lethe.spi;

import dev.lethe.rights.RecipientNotifications;

/**
 * Tells one recipient of personal data of a rectification, erasure or restriction (Art. 19), such
 * as by calling its API or sending an e-mail to its privacy contact. {@link RecipientNotifications}
 * calls it for every recipient, retries it when it fails and audits each outcome.
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
}
