package dev.lethe.testing.club;

import dev.lethe.consent.ConsentState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a consent's state should be, from the rules of Art. 7 alone and written apart from the
 * ledger: the last event wins, and given consent lapses once its validity has run.
 */
public final class ConsentOracle {

  private final Map<String, ConsentState> lastEvent = new HashMap<>();
  private final Map<String, Instant> lapsesAt = new HashMap<>();

  /** Records that {@code event} happened to the consent called {@code key} at {@code now}, valid for {@code validity} if given. */
  public void apply(String key, ConsentState event, Instant now, Optional<Duration> validity) {
    lastEvent.put(key, event);
    lapsesAt.remove(key);
    validity.ifPresent(duration -> lapsesAt.put(key, now.plus(duration)));
  }

  /** The state of the consent called {@code key} at {@code now}. */
  public ConsentState state(String key, Instant now) {
    ConsentState last = lastEvent.getOrDefault(key, ConsentState.NONE);
    Instant lapse = lapsesAt.get(key);
    return last == ConsentState.GIVEN && lapse != null && now.compareTo(lapse) >= 0
        ? ConsentState.EXPIRED
        : last;
  }
}
