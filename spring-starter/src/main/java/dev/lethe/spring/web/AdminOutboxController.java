package dev.lethe.spring.web;

import dev.lethe.outbox.OutboxAdministration;
import dev.lethe.spi.Outbox;
import dev.lethe.spi.OutboxCounts;
import dev.lethe.spi.OutboxEntry;
import dev.lethe.spi.OutboxStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox seen by an administrator (Art. 19), under {@code {lethe.web.base-path}/admin/outbox}:
 * how many notices are pending and dead, the dead ones, and a retry of one or all of them, which
 * makes them due at once with a new maximum age. Messages are shown without their payload, which
 * may hold the subject's identity. A notice dead for longer than {@code
 * lethe.outbox.dead-identity-retention} has lost that identity: it is listed as not retryable, and
 * its retry is refused with 409. Every endpoint requires the role {@code lethe.web.admin-role}.
 */
@RestController
@RequestMapping("/admin/outbox")
public final class AdminOutboxController {

  private static final int MAX_LIST = 1000;

  private final Outbox outbox;
  private final OutboxAdministration administration;
  private final Callers callers;

  AdminOutboxController(Outbox outbox, OutboxAdministration administration, Callers callers) {
    this.outbox = outbox;
    this.administration = administration;
    this.callers = callers;
  }

  /**
   * An outbox message without its payload.
   *
   * @param id its identifier, for a retry
   * @param idempotencyKey the key its receiver applies once
   * @param destination the recipient or destination
   * @param type what it is
   * @param status where it stands
   * @param attempts how many attempts were made
   * @param enqueuedAt when it was written
   * @param nextAttemptAt when it is tried next, while pending
   * @param lastFailure the type of the last failure
   * @param finishedAt when it was delivered or given up on
   * @param retryable whether an administrator can retry it: dead, with the identity it carries
   *     still kept; false once a dead notice's identity was cleared after the retention
   */
  public record MessageView(
      UUID id,
      String idempotencyKey,
      String destination,
      String type,
      OutboxStatus status,
      int attempts,
      Instant enqueuedAt,
      Instant nextAttemptAt,
      @Nullable String lastFailure,
      @Nullable Instant finishedAt,
      boolean retryable) {

    static MessageView of(OutboxEntry entry) {
      return new MessageView(
          entry.id(),
          entry.idempotencyKey(),
          entry.destination(),
          entry.type(),
          entry.status(),
          entry.attempts(),
          entry.enqueuedAt(),
          entry.nextAttemptAt(),
          entry.lastFailure().orElse(null),
          entry.finishedAt().orElse(null),
          entry.retryable());
    }
  }

  /**
   * How many dead messages a retry made due again.
   *
   * @param retried their number
   */
  public record Retried(int retried) {}

  /** How many notices are pending, dead, and dead with their identity cleared (Art. 19). */
  @GetMapping
  public OutboxCounts counts(HttpServletRequest http) {
    callers.requireAdmin(http);
    return outbox.counts();
  }

  /**
   * The dead messages, oldest first (Art. 19).
   *
   * @param limit at most this many, 100 by default, 1000 at most
   */
  @GetMapping("/dead")
  public List<MessageView> dead(
      HttpServletRequest http, @RequestParam(defaultValue = "100") int limit) {
    callers.requireAdmin(http);
    if (limit < 1 || limit > MAX_LIST) {
      throw problem(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIST);
    }
    return outbox.list(OutboxStatus.DEAD, limit).stream().map(MessageView::of).toList();
  }

  /**
   * Makes the dead message {@code id} due again, with a new maximum age (Art. 19): 404 if no message
   * has that id, 409 if it is not dead, or dead with its identity cleared, so that it can never be
   * delivered again.
   */
  @PostMapping("/dead/{id}/retry")
  public MessageView retry(HttpServletRequest http, @PathVariable UUID id) {
    callers.requireAdmin(http);
    return switch (administration.retryDead(id)) {
      case RETRIED -> MessageView.of(outbox.find(id).orElseThrow());
      case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, "No outbox message " + id);
      case NOT_DEAD ->
          throw problem(
              HttpStatus.CONFLICT,
              "Outbox message "
                  + id
                  + " is not dead: it is pending or delivered, and only a dead message is retried");
      case IDENTITY_CLEARED ->
          throw problem(
              HttpStatus.CONFLICT,
              "Outbox message "
                  + id
                  + " cannot be retried:"
                  + " it was dead longer than lethe.outbox.dead-identity-retention, so the subject's identity it carried"
                  + " was cleared (Art. 5(1)(e)); it stays listed as the record of a notice never delivered");
    };
  }

  /**
   * Makes every dead message due again, with a new maximum age (Art. 19), except those whose
   * identity was cleared.
   */
  @PostMapping("/dead/retry")
  public Retried retryAll(HttpServletRequest http) {
    callers.requireAdmin(http);
    return new Retried(administration.retryAllDead());
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(
        status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
