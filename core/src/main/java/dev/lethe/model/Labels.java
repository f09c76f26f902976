package dev.lethe.model;

import java.util.Locale;

/** Readable labels derived from names in code, for attributes and purposes that declare none (Art. 12(1)). */
public final class Labels {

  private Labels() {}

  /**
   * {@code name} in words, sentence case: camel case, dots, dashes and underscores split words
   * ({@code fullName} → "Full name", {@code address.street} → "Address street", {@code b2b-marketing}
   * → "B2b marketing"); a run of capitals stays an acronym ({@code IPAddress} → "IP address", a
   * name already in words, such as {@code Providing the Mesma software}, stays as written).
   * Where the name cannot say it ({@code ipAddress} reads "Ip address"), declare a label.
   */
  public static String fromName(String name) {
    String stripped = name.strip();
    if (stripped.contains(" ")) {
      // Already words, with their proper nouns: "Providing the Mesma software" stays as written.
      return Character.toUpperCase(stripped.charAt(0)) + stripped.substring(1);
    }
    String spaced =
        name
            // A digit before a capital splits only before a word: "B2B" stays one, "top10Items" is
            // two.
            .replaceAll("([a-z])([A-Z])|([0-9])([A-Z][a-z])", "$1$3 $2$4")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
            .replaceAll("[._\\-\\s]+", " ")
            .strip();
    if (spaced.isEmpty()) {
      return name;
    }
    StringBuilder words = new StringBuilder();
    for (String word : spaced.split(" ")) {
      boolean acronym = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
      String shown = acronym ? word : word.toLowerCase(Locale.ROOT);
      words.append(words.isEmpty() ? "" : " ").append(shown);
    }
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
