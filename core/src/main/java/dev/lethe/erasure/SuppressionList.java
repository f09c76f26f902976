package dev.lethe.erasure;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Ascii;
import dev.lethe.internal.util.Texts;
import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;

/**
 * The identities that must never be contacted again, kept as keyed hashes so that the list itself
 * holds no personal data: after an erasure or an objection to direct marketing (Art. 21(3)), "we
 * keep your contact details only to ensure we do not contact you again". A later import of the
 * same address is recognised without the address being stored.
 *
 * <p>Identities are compared case-insensitively and without surrounding blanks, as e-mail
 * addresses and phone numbers are in practice; the subject type does not matter, so a contact
 * suppressed as a customer is suppressed as a newsletter subscriber too.
 */
public final class SuppressionList {

  private final SuppressionStore store;
  private final Pseudonymizer key;
  private final Clock clock;

  private SuppressionList(SuppressionStore store, Pseudonymizer key, Clock clock) {
    this.store = store;
    this.key = key;
    this.clock = clock;
  }

  /** A list kept in {@code store}, hashing with {@code key}, stamping entries with {@code clock}. */
  public static SuppressionList of(SuppressionStore store, Pseudonymizer key, Clock clock) {
    return new SuppressionList(
        requireNonNull(store, "store"), requireNonNull(key, "key"), requireNonNull(clock, "clock"));
  }

  /** Suppresses the identity {@code value} of kind {@code identity}, such as an e-mail address. */
  public void suppress(String identity, String value, String reason) {
    Texts.requireNonBlank(reason, "reason");
    store.add(new SuppressionStore.Entry(hash(identity, value), reason, clock.instant()));
  }

  /** Whether the identity {@code value} of kind {@code identity} is suppressed. */
  public boolean isSuppressed(String identity, String value) {
    return store.find(hash(identity, value)).isPresent();
  }

  private String hash(String identity, String value) {
    Texts.requireNonBlank(identity, "identity");
    Texts.requireNonBlank(value, "value");
    return key.hash("suppression", identity, Ascii.toLowerCase(value.strip()));
  }
}
