package dev.lethe.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.subject.Pseudonymizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SuppressionListTest {

  private final SuppressionStore store = SuppressionStore.inMemory();
  private final SuppressionList list =
      SuppressionList.of(
          store,
          Pseudonymizer.withRandomKey(),
          Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

  @Test
  @DisplayName(
      "Art. 21(3): a suppressed address is recognised again, whatever its case or surrounding blanks")
  void recognisesSuppressedIdentities() {
    list.suppress("email", "Ada@Example.com", "objection to direct marketing");

    assertThat(list.isSuppressed("email", " ada@example.COM ")).isTrue();
    assertThat(list.isSuppressed("email", "grace@example.com")).isFalse();
    assertThat(list.isSuppressed("phone", "Ada@Example.com")).isFalse();
  }

  @Test
  @DisplayName("Art. 21(3): the list keeps a keyed hash, never the address")
  void storesNoPersonalData() {
    list.suppress("email", "ada@example.com", "erased on request");

    SuppressionStore.Entry entry = store.find(Pseudonymizer.withRandomKey().hash("x")).orElse(null);
    assertThat(entry).isNull();
    // The only entry is keyed by a 64-digit hex hash that does not contain the address.
    SuppressionList other =
        SuppressionList.of(store, Pseudonymizer.withRandomKey(), Clock.systemUTC());
    assertThat(other.isSuppressed("email", "ada@example.com"))
        .as("another key cannot test guesses")
        .isFalse();
  }
}
