package dev.lethe.spring.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A rectification names attributes that no entity of the subject type holds as the subject's
 * personal data (Art. 16): answered with 422 and the names, those that look like names only.
 */
final class UnknownAttributesException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,99}");

  private final List<String> attributes;

  UnknownAttributesException(String subjectType, List<String> attributes) {
    super(
        "No entity of subject type '"
            + subjectType
            + "' holds "
            + attributes.size()
            + " of the attributes sent as"
            + " the subject's personal data; nothing was changed");
    this.attributes =
        attributes.stream()
            .map(name -> NAME.matcher(name).matches() ? name : "(not a name, not shown)")
            .toList();
  }

  /** The attributes, each one that does not look like a name replaced by a mark. */
  List<String> attributes() {
    return attributes;
  }
}
