package dev.lethe.logback;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.SubjectType;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Masks personal data in a log message (Art. 5(1)(f), 32), in three ways:
 * <ul>
 *   <li>the value after the name of a {@code @PersonalData} attribute or a subject identity, as
 *       entity {@code toString}s and structured messages print them: {@code fullName=Dan Dixon},
 *       {@code fullName='Dan Dixon'}, {@code "fullName":"Dan Dixon"}, {@code email: dan@example.com};</li>
 *   <li>anything shaped like an e-mail address, the identity applications log most;</li>
 *   <li>the values in {@link RecentPersonalValues}, wherever they appear.</li>
 * </ul>
 * The attribute names come from the model, so a new {@code @PersonalData} attribute is masked in
 * logs without further configuration. Masking errs towards hiding too much: an attribute name that
 * other classes use too has its values masked there as well.
 */
public final class PersonalValueMasker {

  /** What a masked value becomes. */
  public static final String MASK = "***";

  // Starts only where a run of address characters starts, and never gives back what it took: a
  // line of long words without '@' costs one pass, not one per character of each word.
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]++@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

  private final Set<String> attributeNames;
  private final @Nullable Pattern attributes;
  private final RecentPersonalValues recent;

  private PersonalValueMasker(Set<String> attributeNames, RecentPersonalValues recent) {
    this.attributeNames = Set.copyOf(attributeNames);
    this.recent = requireNonNull(recent, "recent");
    this.attributes = attributeNames.isEmpty() ? null : attributePattern(attributeNames);
  }

  /**
   * A masker for the model's attributes: every {@code @PersonalData} attribute of every entity, and
   * every subject identity but the technical {@code id}, with the values of {@code recent}.
   */
  public static PersonalValueMasker of(PersonalDataModel model, RecentPersonalValues recent) {
    requireNonNull(model, "model");
    Set<String> names = new TreeSet<>();
    for (EntityDescriptor entity : model.entities()) {
      for (FieldDescriptor field : entity.fields()) {
        names.add(field.name());
        names.addAll(field.path());
      }
    }
    for (SubjectType subject : model.subjectTypes()) {
      subject
          .identities()
          .forEach(
              (identity, attribute) -> {
                if (!identity.equals(SubjectType.ID)) {
                  names.add(identity);
                  names.add(attribute);
                }
              });
    }
    return new PersonalValueMasker(names, recent);
  }

  /** A masker that knows no model yet: e-mail addresses and the values of {@code recent} only. */
  public static PersonalValueMasker withoutModel(RecentPersonalValues recent) {
    return new PersonalValueMasker(Set.of(), recent);
  }

  /** The attribute names whose values are masked. */
  public Set<String> attributeNames() {
    return attributeNames;
  }

  /** The registry of recently touched values this masker masks. */
  public RecentPersonalValues recent() {
    return recent;
  }

  /** {@code message} with the personal values in it replaced by {@value #MASK}. */
  public String mask(String message) {
    requireNonNull(message, "message");
    String masked = recent.mask(message, MASK);
    if (attributes != null) {
      masked = attributes.matcher(masked).replaceAll(PersonalValueMasker::maskedPair);
    }
    return masked.indexOf('@') < 0 ? masked : EMAIL.matcher(masked).replaceAll(MASK);
  }

  private static String maskedPair(MatchResult pair) {
    String prefix = Matcher.quoteReplacement(pair.group(1));
    if (pair.group(2) != null) {
      return prefix + "\"" + MASK + "\"";
    }
    if (pair.group(3) != null) {
      return prefix + "'" + MASK + "'";
    }
    return pair.group(4).isEmpty() ? prefix : prefix + MASK;
  }

  /**
   * {@code name=value} or {@code name: value}, the name optionally quoted (JSON), the value quoted
   * or running to the next {@code , other=} pair, the closing bracket of the {@code toString} or the
   * end of the line: a value with a comma in it ({@code 3 Example Road, Sunderland}) is masked whole.
   */
  private static Pattern attributePattern(Set<String> names) {
    String alternatives =
        names.stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return Pattern.compile(
        "((?<![\\w$.])[\"']?(?:"
            + alternatives
            + ")[\"']?\\s*[=:]\\s*)"
            + "(?:(\"[^\"]*\")|('[^']*')|(.*?))"
            + "(?=,\\s*[\"']?[\\w$.]+[\"']?\\s*[=:]|[\\]\\)}](?=[\\s,;\\]\\)}]|$)|$)",
        Pattern.MULTILINE);
  }
}
