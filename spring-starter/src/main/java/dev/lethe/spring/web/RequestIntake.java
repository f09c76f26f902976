package dev.lethe.spring.web;

import com.google.common.util.concurrent.Striped;
import dev.lethe.jdbc.JdbcMutex;
import dev.lethe.model.IdentityMatch;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestStore;
import dev.lethe.spi.Transactions;
import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * How the REST API takes in a new rights request (Art. 12(2), 12(5)): a request identical to one of
 * the subject's open requests (same type, same identity as the model compares it) is answered with
 * that request rather than stored twice, and a self-service caller gets at most {@code
 * lethe.web.max-new-requests-per-caller} new requests per {@code lethe.web.new-requests-window}.
 * Requests for human review (Art. 22(3)) are never de-duplicated, as a request keeps no purpose.
 *
 * <p>Both are read from the request store in the transaction that submits, so every replica sees
 * the same requests: the count holds across instances. Submissions of one type for one subject take
 * turns ({@link Queue}): through Lethe's tables ({@code JdbcMutex}) where they are, so that two
 * identical first requests sent at the same instant to two replicas give one request; in this JVM
 * where the stores are in memory.
 */
final class RequestIntake {

  /**
   * The request a submission leads to.
   *
   * @param request the new request, or the open one it duplicates
   * @param created whether it is new
   */
  record Intake(RightsRequest request, boolean created) {}

  /** Runs the check and the submission of one type for one subject while no other does, inside its transaction. */
  interface Queue {
    <T> T exclusively(String key, Supplier<T> work);

    /** Across replicas, through the database the request store is in. */
    static Queue of(JdbcMutex mutex) {
      return mutex::holding;
    }

    /** In this JVM: for stores in memory, which no other JVM shares. */
    static Queue inThisJvm() {
      Striped<Lock> locks = Striped.lazyWeakLock(64);
      return new Queue() {
        @Override
        public <T> T exclusively(String key, Supplier<T> work) {
          Lock lock = locks.get(key);
          lock.lock();
          try {
            return work.get();
          } finally {
            lock.unlock();
          }
        }
      };
    }
  }

  private final DataSubjectRights rights;
  private final RequestStore requests;
  private final PersonalDataModel model;
  private final Transactions transactions;
  private final Pseudonymizer pseudonymizer;
  private final Queue queue;
  private final Clock clock;
  private final LetheProperties.WebProperties web;

  RequestIntake(
      DataSubjectRights rights,
      RequestStore requests,
      PersonalDataModel model,
      Transactions transactions,
      Pseudonymizer pseudonymizer,
      Queue queue,
      Clock clock,
      LetheProperties.WebProperties web) {
    this.rights = rights;
    this.requests = requests;
    this.model = model;
    this.transactions = transactions;
    this.pseudonymizer = pseudonymizer;
    this.queue = queue;
    this.clock = clock;
    this.web = web;
  }

  /** Submits a request the controller's staff received (Art. 12(3)): de-duplicated, never limited. */
  Intake admin(RequestType type, SubjectIdentifier subject, Channel channel) {
    return submit(type, subject, false, () -> rights.submit(type, subject, channel));
  }

  /** Submits a request the signed-in subject makes: de-duplicated, and within the caller's allowance. */
  Intake selfService(RequestType type, SubjectIdentifier caller) {
    return submit(type, caller, true, () -> rights.submit(type, caller, Channel.WEB));
  }

  /**
   * Submits a request for human review of a decision {@code purpose} took solely by automated means
   * (Art. 22(3)), within a self-service caller's allowance if {@code limited}. Never answered with an
   * open review: requests do not keep the purpose, so one open for another purpose cannot be told apart.
   */
  Intake review(SubjectIdentifier subject, String purpose, Channel channel, boolean limited) {
    return submit(
        RequestType.AUTOMATED_DECISION_REVIEW,
        subject,
        limited,
        () -> rights.requestHumanReview(subject, purpose, channel));
  }

  private Intake submit(
      RequestType type,
      SubjectIdentifier subject,
      boolean limited,
      Supplier<RightsRequest> submission) {
    Optional<IdentityMatch> match =
        model
            .subjectType(subject.subjectType())
            .flatMap(subjectType -> subjectType.identityRule(subject.identity()))
            .map(SubjectType.IdentityRule::match);
    if (match.isEmpty()) {
      // An unknown subject type or identity: the submission refuses it, naming what is wrong.
      return new Intake(submission.get(), true);
    }
    // Keyed by the subject's pseudonym, which is the same for every form of the identity the model
    // matches.
    String key = "intake:" + type.name() + ":" + pseudonymizer.pseudonymize(subject).hex();
    return transactions.inTransaction(
        () ->
            queue.exclusively(
                key,
                () -> {
                  List<RightsRequest> earlier = requests.findBySubject(subject, match.get());
                  Optional<RightsRequest> open =
                      earlier.stream()
                          .filter(
                              request ->
                                  request.type() == type
                                      && request.isOpen()
                                      && type != RequestType.AUTOMATED_DECISION_REVIEW)
                          .findFirst();
                  if (open.isPresent()) {
                    return new Intake(open.get(), false);
                  }
                  if (limited) {
                    requireAllowance(earlier);
                  }
                  return new Intake(submission.get(), true);
                }));
  }

  private void requireAllowance(List<RightsRequest> earlier) {
    Instant now = clock.instant();
    Instant since = now.minus(web.newRequestsWindow());
    List<Instant> recent =
        earlier.stream().map(RightsRequest::receivedAt).filter(since::isBefore).sorted().toList();
    if (recent.size() >= web.maxNewRequestsPerCaller()) {
      Duration wait =
          Duration.between(
              now,
              recent
                  .get(recent.size() - web.maxNewRequestsPerCaller())
                  .plus(web.newRequestsWindow()));
      ErrorResponseException refusal =
          new ErrorResponseException(
              HttpStatus.TOO_MANY_REQUESTS,
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "At most "
                      + web.maxNewRequestsPerCaller()
                      + " requests are taken from one caller within "
                      + web.newRequestsWindow()
                      + " (lethe.web.max-new-requests-per-caller); your earlier requests are being handled"),
              null);
      refusal
          .getHeaders()
          .set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds() + 1)));
      throw refusal;
    }
  }
}
