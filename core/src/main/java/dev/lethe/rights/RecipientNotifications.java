package dev.lethe.rights;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import dev.lethe.audit.AuditEntry;
import dev.lethe.audit.AuditEventType;
import dev.lethe.audit.AuditTrail;
import dev.lethe.internal.outbox.NotificationJson;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RightsRequest;
import dev.lethe.spi.Notification;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxMessage;
import dev.lethe.spi.OutboxStatus;
import dev.lethe.spi.OutboxTransport;
import dev.lethe.spi.RecipientNotifier;
import dev.lethe.spi.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Passes each rectification, erasure and restriction on to every recipient the data was disclosed
 * to (Art. 19), through the {@link Outbox}: {@link #notifyRecipients} writes one notice per
 * recipient, in the caller's transaction when the outbox joins it, and an {@link
 * dev.lethe.outbox.OutboxDispatcher} over {@link #transport()} delivers them through the
 * application's {@link RecipientNotifier}, retrying with back-off until a maximum age and then
 * marking them dead for an administrator to retry.
 *
 * <p>Every outcome is audited (Art. 5(2)): {@link AuditEventType#RECIPIENT_NOTIFIED}, {@link
 * AuditEventType#NOTIFICATION_FAILED} per failed attempt and {@link AuditEventType#NOTIFICATION_DEAD}.
 * A notice carries the subject's identity, because the recipient must learn whom it concerns; the
 * outbox clears it once the notice is delivered. Each notice's idempotency key is made of the
 * request, the change and the recipient, so that notifying twice writes one notice and a recipient
 * can apply each key once. Thread-safe; keeps no state of its own.
 */
public final class RecipientNotifications {

  /** The outbox message type of an Art. 19 notice; its payload is a JSON object. */
  public static final String MESSAGE_TYPE = "lethe.recipient-notification";

  private final RecipientNotifier notifier;
  private final AuditTrail audit;
  private final Outbox outbox;
  private final Clock clock;
  private final @Nullable Acknowledgements acknowledgements;

  private RecipientNotifications(Builder builder) {
    this.notifier = builder.notifier;
    this.audit = builder.auditTrail;
    this.outbox = builder.outbox;
    this.clock = builder.clock;
    this.acknowledgements = builder.acknowledgements;
  }

  /**
   * A builder for notifications through {@code notifier}, audited in {@code auditTrail}.
   *
   * @param notifier reaches the recipients
   * @param auditTrail records every outcome (Art. 5(2))
   */
  public static Builder builder(RecipientNotifier notifier, AuditTrail auditTrail) {
    return new Builder(
        requireNonNull(notifier, "notifier"), requireNonNull(auditTrail, "auditTrail"));
  }

  /**
   * Writes a notice for every one of {@code recipients} of the change that fulfilling {@code
   * request} made (Art. 19); a dispatcher delivers them.
   *
   * @param request a fulfilled or completed rectification, erasure or restriction request
   * @param recipients the names of the recipients the subject's data was disclosed to
   * @return the notices, one per distinct recipient, as the outbox holds them
   * @throws IllegalArgumentException if the request is of another type, or not fulfilled yet
   */
  public List<PendingNotification> notifyRecipients(
      RightsRequest request, Collection<String> recipients) {
    requireNonNull(request, "request");
    requireNonNull(recipients, "recipients");
    if (request.status() != RequestStatus.FULFILLED
        && request.status() != RequestStatus.COMPLETED) {
      throw new IllegalArgumentException(
          "Rights request "
              + request.id()
              + " is "
              + request.status()
              + ": recipients are told of its "
              + request.type()
              + " once it is fulfilled (Art. 19)");
    }
    return notifyRecipients(
        new Notification(request.id(), request.type(), request.subject()), recipients);
  }

  /**
   * Writes a notice for every one of {@code recipients} of the change {@code notification} describes
   * (Art. 19), such as a restriction placed or lifted by {@link dev.lethe.restriction.Restrictions}.
   *
   * @param recipients the names of the recipients the subject's data was disclosed to
   * @return the notices, one per distinct recipient, as the outbox holds them
   */
  public List<PendingNotification> notifyRecipients(
      Notification notification, Collection<String> recipients) {
    requireNonNull(notification, "notification");
    requireNonNull(recipients, "recipients");
    // Every name is checked before any notice is written, so that a bad list writes none rather
    // than some.
    Set<String> distinctRecipients = new LinkedHashSet<>(recipients);
    distinctRecipients.forEach(recipient -> requireNonBlank(recipient, "recipient"));
    String payload = NotificationJson.write(notification);
    Instant now = clock.instant();
    List<PendingNotification> written = new ArrayList<>();
    for (String recipient : distinctRecipients) {
      OutboxEntry entry =
          outbox.enqueue(
              new OutboxMessage(
                  idempotencyKey(notification, recipient), recipient, MESSAGE_TYPE, payload),
              now);
      if (entry.status() != OutboxStatus.DELIVERED) {
        written.add(pending(entry, notification));
      }
      if (acknowledgements != null) {
        acknowledgements.expect(entry.idempotencyKey(), notification, recipient, now);
      }
    }
    return List.copyOf(written);
  }

  /** The notices not delivered yet, oldest first (Art. 19). */
  public List<PendingNotification> pending() {
    return notices(OutboxStatus.PENDING);
  }

  /** The notices given up on after the maximum age, oldest first, until an administrator retries them (Art. 19). */
  public List<PendingNotification> dead() {
    return notices(OutboxStatus.DEAD);
  }

  /**
   * The transport that delivers Art. 19 notices through the notifier and audits each outcome: give
   * it to the {@link dev.lethe.outbox.OutboxDispatcher} of this outbox. It is {@linkplain
   * OutboxTransport#ready() ready} while the notifier {@linkplain RecipientNotifier#canDeliver() can
   * deliver}, and refuses messages of any other type.
   */
  public OutboxTransport transport() {
    return new Art19Transport(new NotifierTransport());
  }

  /**
   * The transport that delivers every message of this outbox through {@code delivery}, such as a
   * Kafka, RabbitMQ or webhook transport, or one routing each destination to its own: Art. 19 notices
   * audited as {@link #transport()} audits them, and the other messages (receipts, clearing
   * messages) as they are. Give it to the {@link dev.lethe.outbox.OutboxDispatcher} of this outbox.
   */
  public OutboxTransport transport(OutboxTransport delivery) {
    return new Art19Transport(requireNonNull(delivery, "delivery"));
  }

  /**
   * The transport that delivers the messages to each destination in {@code byDestination} through
   * its transport, such as participant services over Kafka or RabbitMQ and processors over webhooks,
   * and the notices to every other recipient through the notifier, as {@link #transport()} does: Art.
   * 19 notices audited, the other messages (receipts, clearing messages) as they are. It is ready
   * while any of them is; a message whose own transport is not ready fails its attempt and is tried
   * again later.
   */
  public OutboxTransport transport(Map<String, OutboxTransport> byDestination) {
    Map<String, OutboxTransport> routes =
        Map.copyOf(requireNonNull(byDestination, "byDestination"));
    OutboxTransport otherwise = new NotifierTransport();
    return new Art19Transport(
        new OutboxTransport() {
          @Override
          public void deliver(OutboxMessage message) {
            readyRoute(message).deliver(message);
          }

          @Override
          public CompletionStage<Void> startDelivery(OutboxMessage message) {
            return readyRoute(message).startDelivery(message);
          }

          private OutboxTransport readyRoute(OutboxMessage message) {
            OutboxTransport route = routes.getOrDefault(message.destination(), otherwise);
            if (!route.ready()) {
              throw new IllegalStateException(
                  "The transport to " + message.destination() + " is not ready");
            }
            return route;
          }

          @Override
          public boolean ready() {
            return otherwise.ready() || routes.values().stream().anyMatch(OutboxTransport::ready);
          }
        });
  }

  /** The acknowledgements awaited from participant services, if any are configured (Art. 17(2), 19). */
  public Optional<Acknowledgements> acknowledgements() {
    return Optional.ofNullable(acknowledgements);
  }

  /** The outbox the notices are written to. */
  public Outbox outbox() {
    return outbox;
  }

  /**
   * The idempotency key of the notice of {@code notification} to {@code recipient}: the request, the
   * change and a name-based UUID of the recipient, so that it is bounded in length and holds no
   * personal data.
   */
  public static String idempotencyKey(Notification notification, String recipient) {
    return "art19:"
        + notification.requestId()
        + ":"
        + notification.change().name().toLowerCase(Locale.ROOT)
        + (notification.restrictionLifted() ? "-lifted" : "")
        + ":"
        + UUID.nameUUIDFromBytes(recipient.getBytes(StandardCharsets.UTF_8));
  }

  private List<PendingNotification> notices(OutboxStatus status) {
    // The outbox may carry other messages: only Art. 19 notices are listed.
    return outbox.list(status, Integer.MAX_VALUE).stream()
        .filter(entry -> entry.type().equals(MESSAGE_TYPE) && entry.payload().isPresent())
        .map(entry -> pending(entry, NotificationJson.read(entry.payload().orElseThrow())))
        .toList();
  }

  private static PendingNotification pending(OutboxEntry entry, Notification notification) {
    return new PendingNotification(
        entry.id(),
        entry.idempotencyKey(),
        entry.destination(),
        notification,
        entry.status(),
        entry.attempts(),
        entry.nextAttemptAt(),
        entry.lastFailure());
  }

  private static AuditEntry auditEntry(
      AuditEventType type, OutboxMessage message, Notification notification, int attempts) {
    AuditEntry entry =
        AuditEntry.of(type)
            .withRequest(notification.requestId(), notification.change())
            .withSubject(notification.subject())
            .withAttribute("recipient", message.destination())
            .withAttribute("idempotencyKey", message.idempotencyKey())
            .withCount("attempts", attempts);
    return notification.restrictionLifted()
        ? entry.withAttribute("restrictionLifted", "true")
        : entry;
  }

  /** Delivers Art. 19 notices through the application's notifier; it has no other messages to deliver. */
  private final class NotifierTransport implements OutboxTransport {

    @Override
    public void deliver(OutboxMessage message) {
      if (!message.type().equals(MESSAGE_TYPE)) {
        throw new IllegalArgumentException(
            "The Art. 19 notifier delivers "
                + MESSAGE_TYPE
                + ", not "
                + message.type()
                + ": give RecipientNotifications.transport(delivery) a transport for the other messages");
      }
      notifier.notifyRecipient(message.destination(), NotificationJson.read(message.payload()));
    }

    @Override
    public boolean ready() {
      return notifier.canDeliver();
    }
  }

  /** Audits every outcome of an Art. 19 notice delivered through {@code delivery}, and passes the other messages on. */
  private final class Art19Transport implements OutboxTransport {

    private final OutboxTransport delivery;

    Art19Transport(OutboxTransport delivery) {
      this.delivery = delivery;
    }

    @Override
    public void deliver(OutboxMessage message) {
      delivery.deliver(message);
    }

    @Override
    public CompletionStage<Void> startDelivery(OutboxMessage message) {
      return delivery.startDelivery(message);
    }

    @Override
    public boolean ready() {
      return delivery.ready();
    }

    @Override
    public Transactions transactions() {
      return audit.transactions();
    }

    @Override
    public void delivered(OutboxMessage message, int attempts) {
      if (isNotice(message)) {
        audit.record(
            auditEntry(
                AuditEventType.RECIPIENT_NOTIFIED,
                message,
                NotificationJson.read(message.payload()),
                attempts));
      }
      // Only a message that failed before can have been dead, its participant's part with it: one
      // delivered at its first attempt needs no look at the acknowledgements (a read per notice).
      if (acknowledgements != null && attempts > 1) {
        acknowledgements.delivered(message);
      }
    }

    @Override
    public void failed(OutboxMessage message, int attempts, String failure, boolean dead) {
      if (isNotice(message)) {
        // The failure's type is audited, never its message: a message may quote the subject's data.
        audit.record(
            auditEntry(
                    dead ? AuditEventType.NOTIFICATION_DEAD : AuditEventType.NOTIFICATION_FAILED,
                    message,
                    NotificationJson.read(message.payload()),
                    attempts)
                .withAttribute("failure", failure));
      }
      if (dead && acknowledgements != null) {
        acknowledgements.dead(message, failure);
      }
    }

    private static boolean isNotice(OutboxMessage message) {
      return message.type().equals(MESSAGE_TYPE);
    }
  }

  /** Configures {@link RecipientNotifications}: by default an in-memory outbox, on the system UTC clock. */
  public static final class Builder {

    private final RecipientNotifier notifier;
    private final AuditTrail auditTrail;
    private Outbox outbox = Outbox.inMemory();
    private Clock clock = Clock.systemUTC();
    private @Nullable Acknowledgements acknowledgements;

    private Builder(RecipientNotifier notifier, AuditTrail auditTrail) {
      this.notifier = notifier;
      this.auditTrail = auditTrail;
    }

    /** The clock that stamps the notices written. */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where notices are written. The in-memory default loses undelivered notices on restart: give a
     * durable one, such as lethe-jdbc's {@code JdbcOutbox}, in production.
     */
    public Builder outbox(Outbox outbox) {
      this.outbox = requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Awaits a receipt from each participant among the recipients (Art. 17(2), 19): every notice to
     * one of {@code acknowledgements}' participants is expected in the notice's transaction. Its
     * outbox must be this one.
     */
    public Builder acknowledgements(Acknowledgements acknowledgements) {
      this.acknowledgements = requireNonNull(acknowledgements, "acknowledgements");
      return this;
    }

    /** The service, configured. */
    public RecipientNotifications build() {
      return new RecipientNotifications(this);
    }
  }
}
