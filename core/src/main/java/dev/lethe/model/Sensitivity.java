package dev.lethe.model;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.Article9Condition;
import dev.lethe.law.SensitiveCategory;
import java.util.Optional;

/**
 * The declaration that an attribute holds a special category of personal data (Art. 9) with the
 * condition that permits it, or criminal-offence data (Art. 10) with the law that authorises it.
 *
 * @param category the special category
 * @param condition the Art. 9(2) condition, for Art. 9 data
 * @param authorisedBy the authorising law, for Art. 10 data
 */
public record Sensitivity(
    SensitiveCategory category,
    Optional<Article9Condition> condition,
    Optional<String> authorisedBy) {

  public Sensitivity {
    requireNonNull(category, "category");
    requireNonNull(condition, "condition");
    requireNonNull(authorisedBy, "authorisedBy");
  }
}
