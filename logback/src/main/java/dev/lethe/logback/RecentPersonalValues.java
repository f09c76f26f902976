package dev.lethe.logback;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

  private RecentPersonalValues(int maximumSize, Duration lifetime, Clock clock) {
    requireNonNull(lifetime, "lifetime");
    requireNonNull(clock, "clock");
    if (maximumSize < 0 || lifetime.isNegative()) {
      throw new IllegalArgumentException("maximumSize and lifetime must not be negative, but were "
          + maximumSize + " and " + lifetime);
    }
    Ticker ticker = new Ticker() {
      @Override
      public long read() {
        return clock.millis() * 1_000_000L;
      }
    };
    this.values = CacheBuilder.newBuilder().maximumSize(maximumSize).expireAfterAccess(lifetime).ticker(ticker).build();
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
    if (text.length() >= MINIMUM_LENGTH) {
      values.put(text, Boolean.TRUE);
    }
  }

  /** Forgets every value. */
  public void forgetAll() {
    values.invalidateAll();
  }

  /** How many values are held now. */
  public long size() {
    values.cleanUp();
    return values.size();
  }

  /** {@code text} with every remembered value in it replaced by {@code mask}, longest values first. */
  String mask(String text, String mask) {
    List<String> present = new ArrayList<>();
    for (String value : values.asMap().keySet()) {
      if (text.contains(value)) {
        present.add(value);
      }
    }
    if (present.isEmpty()) {
      return text;
    }
    // Longest first, so that "Dan Dixon" is not left as "Dan ***" after "Dixon" was masked.
    present.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String value : present) {
      masked = masked.replace(value, mask);
    }
    return masked;
  }
}
