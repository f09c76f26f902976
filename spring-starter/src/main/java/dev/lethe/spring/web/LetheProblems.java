package dev.lethe.spring.web;

import dev.lethe.breach.UnknownBreachException;
import dev.lethe.jpa.ProcessingRestrictedException;
import dev.lethe.request.RectificationRejectedException;
import dev.lethe.rights.IllegalRequestTransitionException;
import dev.lethe.rights.UnknownRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
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
 *
 * <p>The {@code instance} is the request's path when every value in it is an id or a name, and
 * otherwise the path up to the first value that is neither, which may be what a caller typed there.
 */
@RestControllerAdvice(basePackageClasses = LetheProblems.class)
final class LetheProblems {

  private static final Logger LOG = LoggerFactory.getLogger(LetheProblems.class);

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownRequest(
      UnknownRequestException e, HttpServletRequest request) {
    return problem(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownBreach(
      UnknownBreachException e, HttpServletRequest request) {
    return problem(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalTransition(
      IllegalRequestTransitionException e, HttpServletRequest request) {
    return problem(request, HttpStatus.CONFLICT, e.getMessage());
  }

  /**
   * A change refused while the subject's processing is restricted (Art. 18(2)): the message names
   * the entity type and the ground, never the person.
   */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> processingRestricted(
      ProcessingRestrictedException e, HttpServletRequest request) {
    return problem(request, HttpStatus.CONFLICT, e.getMessage());
  }

  /** Refusals by the current state, such as withdrawing consent that is not given (Art. 7(3)). */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalState(IllegalStateException e, HttpServletRequest request) {
    return problem(request, HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> illegalArgument(
      IllegalArgumentException e, HttpServletRequest request) {
    return problem(request, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Art. 16: the violated attributes and constraints, never the rejected values. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> rectificationRejected(
      RectificationRejectedException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> response =
        problem(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    List<RectificationRejectedException.Violation> violations = e.violations();
    response
        .getBody()
        .setProperty(
            "attributes", violations.stream().map(violation -> violation.attribute()).toList());
    response.getBody().setProperty("violations", violations);
    return response;
  }

  /** Art. 16: attributes the subject type does not hold, by name. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownAttributes(
      UnknownAttributesException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> response =
        problem(request, HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    response.getBody().setProperty("attributes", e.attributes());
    return response;
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadableBody(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodySizeLimit.BodyTooLargeException tooLarge) {
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
      }
    }
    return problem(
        request,
        HttpStatus.BAD_REQUEST,
        "The request body is missing or is not the JSON this endpoint takes");
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> malformedParameter(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return problem(
        request, HttpStatus.BAD_REQUEST, "The parameter '" + e.getName() + "' is malformed");
  }

  /** Spring MVC's own refusals (method, media type) keep their status and wording; anything else is a 500. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse refusal) {
      ProblemDetail body = refusal.getBody();
      body.setInstance(instance(request));
      return ResponseEntity.status(refusal.getStatusCode())
          .headers(refusal.getHeaders())
          .body(body);
    }
    if (sqlState(e).filter(VALUE_TOO_LONG::equals).isPresent()) {
      // A value longer than a column of the application's own tables, such as a corrected value:
      // the transaction rolled back, nothing was written.
      return problem(
          request,
          HttpStatus.BAD_REQUEST,
          "A value sent is longer than the column that would hold it;" + " nothing was changed");
    }
    // The message may quote data (a driver's constraint violation does): log the type and where,
    // never the message.
    StackTraceElement[] trace = e.getStackTrace();
    LOG.error(
        "A Lethe endpoint failed with {} at {}",
        e.getClass().getName(),
        trace.length > 0 ? trace[0] : "?");
    return problem(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Lethe could not complete the request; see the server log");
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpServletRequest request, HttpStatusCode status, @Nullable String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setInstance(instance(request));
    return ResponseEntity.status(status).body(problem);
  }

  private static Optional<String> sqlState(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql.getSQLState());
      }
    }
    return Optional.empty();
  }

  /**
   * The path that was called, such as {@code /lethe/admin/requests/0b7e...}, when each value in it
   * is an id (a UUID) or a name; else the path before the first other value, as it may be what the
   * caller typed (an e-mail address where an id belongs), which must not be echoed.
   */
  static URI instance(HttpServletRequest request) {
    String path = request.getRequestURI();
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    if (variables instanceof Map<?, ?> values) {
      for (Map.Entry<?, ?> variable : values.entrySet()) {
        if (!UUID_OR_NAME.matcher(String.valueOf(variable.getValue())).matches()) {
          String endpoint = pattern instanceof String text ? text : "";
          int cut = endpoint.indexOf("/{" + variable.getKey() + "}");
          path =
              cut <= 0 || endpoint.substring(0, cut).contains("{")
                  ? ""
                  : endpoint.substring(0, cut);
          break;
        }
      }
    }
    try {
      return path.isEmpty() ? URI.create("about:blank") : new URI(path);
    } catch (URISyntaxException e) {
      return URI.create("about:blank");
    }
  }

  private static final String VALUE_TOO_LONG = "22001";

  private static final Pattern UUID_OR_NAME =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z][A-Za-z0-9_-]{0,99}");
}
