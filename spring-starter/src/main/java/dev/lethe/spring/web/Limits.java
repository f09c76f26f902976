package dev.lethe.spring.web;

import static dev.lethe.spring.web.Bodies.required;

import dev.lethe.spring.LetheProperties;
import dev.lethe.subject.SubjectIdentifier;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The lengths a request body's fields may have, checked before anything is written so that an
 * oversize value is a 400 naming the field and its limit, never a database error half-way (Art.
 * 12(2)). The value itself is never quoted back.
 */
final class Limits {

  /**
   * Labels (a verification method, a notice version) are short by nature; 100 characters is what
   * Lethe's tables hold for the shortest of them.
   */
  static final int LABEL_LENGTH = 100;

  private final LetheProperties.WebProperties web;

  Limits(LetheProperties.WebProperties web) {
    this.web = web;
  }

  /** {@code subject}, refused if its value is longer than {@code lethe.web.max-identity-length}. */
  SubjectIdentifier identity(SubjectIdentifier subject, String field) {
    if (subject.value().length() > web.maxIdentityLength()) {
      throw tooLong(field, web.maxIdentityLength(), "lethe.web.max-identity-length");
    }
    return subject;
  }

  /** The required free text in {@code field}, at most {@code lethe.web.max-reason-length} long. */
  String reason(@Nullable String value, String field) {
    return text(required(value, field), field);
  }

  /** The required label in {@code field}, at most {@value #LABEL_LENGTH} characters. */
  String label(@Nullable String value, String field) {
    String label = required(value, field);
    if (label.length() > LABEL_LENGTH) {
      throw tooLong(field, LABEL_LENGTH, null);
    }
    return label;
  }

  /** The required list of labels in {@code field}, each present and at most {@value #LABEL_LENGTH} characters. */
  List<String> labels(@Nullable List<@Nullable String> values, String field) {
    return required(values, field).stream().map(value -> label(value, field)).toList();
  }

  /** Every text value of {@code values}, each at most {@code lethe.web.max-reason-length} long. */
  Map<String, @Nullable Object> texts(Map<String, @Nullable Object> values, String field) {
    values
        .values()
        .forEach(
            value -> {
              if (value instanceof String text) {
                text(text, field);
              }
            });
    return values;
  }

  private String text(String value, String field) {
    if (value.length() > web.maxReasonLength()) {
      throw tooLong(field, web.maxReasonLength(), "lethe.web.max-reason-length");
    }
    return value;
  }

  private static IllegalArgumentException tooLong(
      String field, int limit, @Nullable String property) {
    return new IllegalArgumentException(
        "The field '"
            + field
            + "' is longer than "
            + limit
            + " characters"
            + (property == null ? "" : ", the limit " + property + " sets"));
  }
}
