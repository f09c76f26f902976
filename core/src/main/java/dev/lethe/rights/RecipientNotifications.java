package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.spi.Notification;
import dev.lethe.spi.RecipientNotifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Passes each rectification, erasure and restriction on to every recipient the data was disclosed
 * to (Art. 19), through the application's {@link RecipientNotifier}.
 *
 * <p>A failed notification is retried at once, up to the configured number of attempts. Every
 * outcome is audited (Art. 5(2)): {@link AuditEventType#RECIPIENT_NOTIFIED} or {@link
 * AuditEventType#NOTIFICATION_FAILED}. A notification that still fails is never dropped: it stays
 * {@linkplain #pending() pending} until {@link #retryPending()}, which the application schedules,
 * delivers it. Pending notifications live in memory; the audit records each failure durably.
 * Thread-safe.
 */
public final class RecipientNotifications {

  private final RecipientNotifier notifier;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxAttempts;
  private final Map<PendingKey, PendingNotification> pending = new LinkedHashMap<>();

  private RecipientNotifications(Builder builder) {
    this.notifier = builder.notifier;
    this.audit = builder.auditTrail;
    this.clock = builder.clock;
    this.maxAttempts = builder.maxAttempts;
  }

  /**
   * A builder for notifications through {@code notifier}, audited in {@code auditTrail}.
   *
   * @param notifier reaches the recipients
   * @param auditTrail records every outcome (Art. 5(2))
   */
  public static Builder builder(RecipientNotifier notifier, AuditTrail auditTrail) {
    return new Builder(requireNonNull(notifier, "notifier"), requireNonNull(auditTrail, "auditTrail"));
  }

  /**
   * Tells every one of {@code recipients} of the change that fulfilling {@code request} made (Art.
   * 19).
   *
   * @param request a fulfilled or completed rectification, erasure or restriction request
   * @param recipients the names of the recipients the subject's data was disclosed to
   * @return the notifications that failed every attempt and are now pending; empty if all were delivered
   * @throws IllegalArgumentException if the request is of another type, or not fulfilled yet
   */
  public synchronized List<PendingNotification> notifyRecipients(RightsRequest request, Collection<String> recipients) {
    requireNonNull(request, "request");
    requireNonNull(recipients, "recipients");
    if (request.status() != RequestStatus.FULFILLED && request.status() != RequestStatus.COMPLETED) {
      throw new IllegalArgumentException("Rights request " + request.id() + " is " + request.status()
          + ": recipients are told of its " + request.type() + " once it is fulfilled (Art. 19)");
    }
    return notifyRecipients(new Notification(request.id(), request.type(), request.subject()), recipients);
  }

  /**
   * Tells every one of {@code recipients} of the change {@code notification} describes (Art. 19),
   * such as a restriction placed or lifted by {@link dev.lethe.restriction.Restrictions}.
   *
   * @param recipients the names of the recipients the subject's data was disclosed to
   * @return the notifications that failed every attempt and are now pending; empty if all were delivered
   */
  public synchronized List<PendingNotification> notifyRecipients(Notification notification,
      Collection<String> recipients) {
    requireNonNull(notification, "notification");
    requireNonNull(recipients, "recipients");
    // Every name is checked before anyone is told, so that a bad list notifies nobody rather than some.
    Set<String> distinctRecipients = new LinkedHashSet<>(recipients);
    distinctRecipients.forEach(recipient -> requireNonBlank(recipient, "recipient"));
    List<PendingNotification> failed = new ArrayList<>();
    for (String recipient : distinctRecipients) {
      deliver(recipient, notification, 0).ifPresent(failed::add);
    }
    return List.copyOf(failed);
  }

  /** The notifications that failed every attempt so far, oldest first (Art. 19). */
  public synchronized List<PendingNotification> pending() {
    return List.copyOf(pending.values());
  }

  /**
   * Tries every pending notification again, with the configured number of attempts each (Art. 19).
   *
   * @return the notifications still pending
   */
  public synchronized List<PendingNotification> retryPending() {
    for (PendingNotification waiting : List.copyOf(pending.values())) {
      deliver(waiting.recipient(), waiting.notification(), waiting.attempts());
    }
    return pending();
  }

  // Tries up to maxAttempts times and audits the outcome. The pending entry is cleared only after a
  // success is audited, and kept before a failure is, so that a failing audit never loses a notification.
  private Optional<PendingNotification> deliver(String recipient, Notification notification, int earlierAttempts) {
    PendingKey key = new PendingKey(recipient, notification);
    String failureType = "";
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        notifier.notifyRecipient(recipient, notification);
      } catch (RuntimeException e) {
        failureType = e.getClass().getName();
        continue;
      }
      audit.record(auditEntry(AuditEventType.RECIPIENT_NOTIFIED, recipient, notification, earlierAttempts + attempt));
      pending.remove(key);
      return Optional.empty();
    }
    int attempts = earlierAttempts + maxAttempts;
    PendingNotification stillPending = new PendingNotification(recipient, notification, attempts, clock.instant());
    pending.put(key, stillPending);
    // The failure's type is audited, never its message: a message may quote the subject's data.
    audit.record(auditEntry(AuditEventType.NOTIFICATION_FAILED, recipient, notification, attempts)
        .withAttribute("failure", failureType));
    return Optional.of(stillPending);
  }

  private static AuditEntry auditEntry(AuditEventType type, String recipient, Notification notification, int attempts) {
    AuditEntry entry = AuditEntry.of(type)
        .withRequest(notification.requestId(), notification.change())
        .withSubject(notification.subject())
        .withAttribute("recipient", recipient)
        .withCount("attempts", attempts);
    return notification.restrictionLifted() ? entry.withAttribute("restrictionLifted", "true") : entry;
  }

  // A placed and a lifted restriction of one request are two notices, each kept until delivered.
  private record PendingKey(String recipient, Notification notification) {}

  /** Configures {@link RecipientNotifications}: by default three attempts per delivery, on the system UTC clock. */
  public static final class Builder {

    private final RecipientNotifier notifier;
    private final AuditTrail auditTrail;
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 3;

    private Builder(RecipientNotifier notifier, AuditTrail auditTrail) {
      this.notifier = notifier;
      this.auditTrail = auditTrail;
    }

    /** The clock that stamps failed attempts. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How many times one delivery is attempted before the notification is left pending (Art. 19).
     *
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, but is " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The service, configured. */
    public RecipientNotifications build() {
      return new RecipientNotifications(this);
    }
  }
}
