package dev.lethe.logback;

import static java.util.Objects.requireNonNull;

import dev.lethe.model.PersonalDataModel;

/**
 * The masker that {@link MaskedMessageConverter} applies (Art. 5(1)(f), 32). Logback creates its
 * converters itself, before any application context, so the masker is held here: until the
 * application {@linkplain #install(PersonalDataModel) installs its model}, e-mail addresses and
 * remembered values are masked; afterwards, the values of every {@code @PersonalData} attribute
 * too. The Spring Boot starter installs the model at start-up and removes it at shut-down.
 */
public final class LetheLogMasking {

  private static final RecentPersonalValues RECENT = RecentPersonalValues.standard();
  private static volatile PersonalValueMasker masker = PersonalValueMasker.withoutModel(RECENT);

  private LetheLogMasking() {}

  /** Masks the model's attributes from now on, with the shared registry of recent values. */
  public static void install(PersonalDataModel model) {
    install(PersonalValueMasker.of(model, RECENT));
  }

  /** Masks with {@code replacement} from now on. */
  public static void install(PersonalValueMasker replacement) {
    masker = requireNonNull(replacement, "replacement");
  }

  /** Back to e-mail addresses and remembered values only, and forgets the remembered values. */
  public static void reset() {
    RECENT.forgetAll();
    masker = PersonalValueMasker.withoutModel(RECENT);
  }

  /** The registry the installed masker reads, which integrations feed with the values they load. */
  public static RecentPersonalValues recentValues() {
    return masker.recent();
  }

  /** Remembers a personal value so that it is masked wherever it appears in a log line for a while. */
  public static void remember(Object value) {
    masker.recent().remember(value);
  }

  /** {@code message} as the installed masker masks it. */
  public static String mask(String message) {
    return masker.mask(message);
  }
}
