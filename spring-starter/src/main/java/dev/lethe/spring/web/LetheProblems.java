package dev.lethe.spring.web;

import dev.lethe.rights.IllegalRequestTransitionException;
import dev.lethe.rights.RectificationRejectedException;
import dev.lethe.rights.UnknownRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Turns the failures of Lethe's endpoints into RFC 9457 problem details ({@code application/problem+json}).
 * A detail is either a Lethe exception's message, which never holds personal data, or a fixed text:
 * request bodies, values sent and the request's path are never echoed, and unexpected failures say
 * nothing of their cause, whose message might (Art. 5(1)(f), Art. 32). Applies to Lethe's controllers only.
 */
@RestControllerAdvice(assignableTypes = {AdminRequestsController.class, SelfServiceController.class,
    AdminOutboxController.class})
final class LetheProblems {

  private static final Logger LOG = LoggerFactory.getLogger(LetheProblems.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownRequest(UnknownRequestException e, HttpServletRequest request) {
    return problem(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalTransition(IllegalRequestTransitionException e, HttpServletRequest request) {
    return problem(request, HttpStatus.CONFLICT, e.getMessage());
  }

  /** Refusals by the current state, such as withdrawing consent that is not given (Art. 7(3)). */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalState(IllegalStateException e, HttpServletRequest request) {
    return problem(request, HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
    return problem(request, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Art. 16: the violated attributes and constraints, never the rejected values. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> rectificationRejected(RectificationRejectedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> response = problem(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    List<RectificationRejectedException.Violation> violations = e.violations();
    response.getBody().setProperty("attributes", violations.stream().map(violation -> violation.attribute()).toList());
    response.getBody().setProperty("violations", violations);
    return response;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
    return problem(request, HttpStatus.BAD_REQUEST, "The request body is missing or is not the JSON this endpoint takes");
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> malformedParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return problem(request, HttpStatus.BAD_REQUEST, "The parameter '" + e.getName() + "' is malformed");
  }

  /** Spring MVC's own refusals (method, media type) keep their status and wording; anything else is a 500. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse refusal) {
      ProblemDetail body = refusal.getBody();
      body.setInstance(instance(request));
      return ResponseEntity.status(refusal.getStatusCode()).headers(refusal.getHeaders()).body(body);
    }
    // The message may quote data (a driver's constraint violation does): log the type and where, never the message.
    StackTraceElement[] trace = e.getStackTrace();
    LOG.error("A Lethe endpoint failed with {} at {}", e.getClass().getName(), trace.length > 0 ? trace[0] : "?");
    return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "Lethe could not complete the request; see the server log");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatusCode status,
      @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(instance(request));
    return ResponseEntity.status(status).body(problem);
  }

  /**
   * The endpoint as its pattern, such as {@code /lethe/admin/requests/{id}}: the request's own path
   * may carry what the caller typed, which Spring would otherwise echo as the instance.
   */
  private static URI instance(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    try {
      return pattern instanceof String endpoint ? new URI(null, null, endpoint, null) : URI.create("about:blank");
    } catch (URISyntaxException e) {
      return URI.create("about:blank");
    }
  }
}
