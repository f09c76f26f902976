package dev.lethe.logback;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The personal values the application touched a moment ago, so that a log line naming one of them
 * in free text ({@code "Welcome back, Dan Dixon"}) is masked too (Art. 5(1)(f), 32). It is bounded
 * and forgets each value a short while after it was last seen: it holds what running requests need,
 * never a growing copy of the data. The values stay in this JVM's memory and are never written out.
 */
public final class RecentPersonalValues {

  /** Shorter values would mask ordinary words and numbers everywhere; the attribute patterns still catch them. */
  static final int MINIMUM_LENGTH = 4;

  private final Cache<String, Boolean> values;

  /** The held values by their first word; an evicted value leaves the index with its cache entry. */
  private final Map<String, Set<String>> byFirstWord = new ConcurrentHashMap<>();

  private RecentPersonalValues(int maximumSize, Duration lifetime, Clock clock) {
    requireNonNull(lifetime, "lifetime");
    requireNonNull(clock, "clock");
    if (maximumSize < 0 || lifetime.isNegative()) {
      throw new IllegalArgumentException(
          "maximumSize and lifetime must not be negative, but were "
              + maximumSize
              + " and "
              + lifetime);
    }
    Ticker ticker =
        new Ticker() {
          @Override
          public long read() {
            return clock.millis() * 1_000_000L;
          }
        };
    this.values =
        CacheBuilder.newBuilder()
            .maximumSize(maximumSize)
            .expireAfterAccess(lifetime)
            .ticker(ticker)
            .<String, Boolean>removalListener(
                removed -> {
                  String value = removed.getKey();
                  if (value != null && removed.wasEvicted()) {
                    byFirstWord.computeIfPresent(
                        firstWord(value),
                        (word, held) -> {
                          held.remove(value);
                          return held.isEmpty() ? null : held;
                        });
                  }
                })
            .build();
  }

  /** A registry of at most {@code maximumSize} values, each forgotten {@code lifetime} after it was last remembered. */
  public static RecentPersonalValues of(int maximumSize, Duration lifetime, Clock clock) {
    return new RecentPersonalValues(maximumSize, lifetime, clock);
  }

  /** The default: at most 2,000 values, each for 10 minutes after it was last seen. */
  public static RecentPersonalValues standard() {
    return of(2_000, Duration.ofMinutes(10), Clock.systemUTC());
  }

  /** Remembers a value to mask; values shorter than four characters are ignored. */
  public void remember(Object value) {
    String text = String.valueOf(requireNonNull(value, "value")).strip();
    if (text.length() >= MINIMUM_LENGTH && firstWordStart(text) < text.length()) {
      values.put(text, Boolean.TRUE);
      byFirstWord.computeIfAbsent(firstWord(text), word -> ConcurrentHashMap.newKeySet()).add(text);
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c);
  }

  private static int nextWord(String text, int from) {
    int i = from;
    while (i < text.length() && !isWordChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int wordEnd(String text, int start) {
    int i = start;
    while (i < text.length() && isWordChar(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int firstWordStart(String value) {
    return nextWord(value, 0);
  }

  private static String firstWord(String value) {
    int start = firstWordStart(value);
    return value.substring(start, wordEnd(value, start));
  }

  /** Forgets every value. */
  public void forgetAll() {
    values.invalidateAll();
    byFirstWord.clear();
  }

  /** How many values are held now. */
  public long size() {
    values.cleanUp();
    return values.size();
  }

  /**
   * {@code text} with every remembered value in it replaced by {@code mask}, longest values first.
   * Values are found through their first word: one look-up per word of the line, whatever the
   * number of values held, rather than one search of the line per value.
   */
  String mask(String text, String mask) {
    Map<String, Boolean> held = values.asMap();
    if (held.isEmpty()) {
      return text;
    }
    Set<String> present = new HashSet<>();
    for (int start = nextWord(text, 0);
        start < text.length();
        start = nextWord(text, wordEnd(text, start))) {
      int end = wordEnd(text, start);
      for (String value : byFirstWord.getOrDefault(text.substring(start, end), Set.of())) {
        int offset = firstWordStart(value);
        if (start >= offset && text.startsWith(value, start - offset) && held.containsKey(value)) {
          present.add(value);
        }
      }
    }
    if (present.isEmpty()) {
      return text;
    }
    // Longest first, so that "Dan Dixon" is not left as "Dan ***" after "Dixon" was masked.
    List<String> longestFirst = new ArrayList<>(present);
    longestFirst.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String value : longestFirst) {
      masked = masked.replace(value, mask);
    }
    return masked;
  }
}
