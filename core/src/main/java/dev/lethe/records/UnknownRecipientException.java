package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown when a purpose or a transfer names a recipient that the controller description does not
 * describe. A notice (Art. 13(1)(e)) and the record of processing (Art. 30(1)(d)) must say who each
 * recipient is, so an undescribed one is an error; every missing one is listed at once.
 */
public final class UnknownRecipientException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> recipients;

  /**
   * An exception for the undescribed recipients, each mapped to where it is named, such as
   * {@code purpose 'B2B marketing'}. {@code namedBy} must not be empty.
   */
  public UnknownRecipientException(Map<String, List<String>> namedBy) {
    super(describe(namedBy));
    this.recipients = List.copyOf(namedBy.keySet());
  }

  /** The names of the recipients that the controller does not describe (Art. 30(1)(d)). */
  public List<String> recipients() {
    return recipients;
  }

  private static String describe(Map<String, List<String>> namedBy) {
    requireNonNull(namedBy, "namedBy");
    if (namedBy.isEmpty()) {
      throw new IllegalArgumentException(
          "An unknown-recipient failure needs at least one recipient");
    }
    Map<String, List<String>> ordered = new LinkedHashMap<>(namedBy);
    String count = ordered.size() == 1 ? "1 recipient" : ordered.size() + " recipients";
    return ordered.entrySet().stream()
        .map(
            entry ->
                "  - '" + entry.getKey() + "', named by " + String.join(", ", entry.getValue()))
        .collect(
            Collectors.joining(
                "\n",
                "The controller description does not describe " + count + ":\n",
                "\nAdd a Recipient with each name to the Controller (withRecipients), or correct the name where it is used."));
  }
}
