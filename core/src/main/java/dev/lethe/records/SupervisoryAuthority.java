package dev.lethe.records;

import static dev.lethe.internal.util.Texts.requireNonBlank;
import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The supervisory authority a data subject may complain to (Art. 77), as a notice names it
 * (Art. 13(2)(d), Art. 14(2)(e)): for a UK controller, the Information Commissioner's Office.
 *
 * @param name the authority's name
 * @param website the authority's web site, an absolute {@code http} or {@code https} address
 */
public record SupervisoryAuthority(String name, URI website) {

  public SupervisoryAuthority {
    requireNonBlank(name, "name");
    requireNonNull(website, "website");
    String scheme = website.getScheme();
    if (!website.isAbsolute()
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException(
          "The supervisory authority's website '"
              + website
              + "' must be an absolute http or https address, such as https://ico.org.uk");
    }
  }

  /**
   * The authority called {@code name} at {@code website} (Art. 77).
   *
   * @throws IllegalArgumentException if {@code website} is not a valid, absolute http or https address
   */
  public static SupervisoryAuthority of(String name, String website) {
    requireNonNull(website, "website");
    try {
      return new SupervisoryAuthority(name, new URI(website));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "The supervisory authority's website '"
              + website
              + "' is not a valid"
              + " address: "
              + e.getMessage(),
          e);
    }
  }
}
