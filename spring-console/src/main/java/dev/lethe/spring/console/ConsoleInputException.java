package dev.lethe.spring.console;

import org.springframework.http.HttpStatus;

/**
 * Input the console refuses (a 400 page): a malformed id, an unknown choice, a missing or overlong
 * text; or a 404 page when it names nothing there is. The message names the field and what is
 * expected, never what was typed, which may be personal data.
 */
final class ConsoleInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final HttpStatus status;

  ConsoleInputException(String message) {
    this(HttpStatus.BAD_REQUEST, message);
  }

  private ConsoleInputException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  /** Well-formed input naming nothing there is, such as an identity no subject has. */
  static ConsoleInputException notFound(String message) {
    return new ConsoleInputException(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }
}
