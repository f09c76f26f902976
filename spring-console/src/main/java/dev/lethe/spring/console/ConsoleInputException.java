package dev.lethe.spring.console;

/**
 * Input the console refuses (a 400 page): a malformed id, an unknown choice, a missing or overlong
 * text. The message names the field and what is expected, never what was typed, which may be
 * personal data.
 */
final class ConsoleInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ConsoleInputException(String message) {
    super(message);
  }
}
