package dev.lethe.spring.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.ErasureGround;
import dev.lethe.request.RequestStatus;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WordsTest {

  @Test
  @DisplayName(
      "Art. 12(1): enums, statuses, periods and instants read in words, in the configured zone, to the minute")
  void art12_inWords() {
    Words words = new Words(ZoneId.of("Europe/London"));

    assertThat(Words.of(ErasureGround.CONSENT_WITHDRAWN)).isEqualTo("Consent withdrawn");
    assertThat(Words.status(RequestStatus.FULFILLED))
        .isEqualTo("Done; the subject is still to be told");
    assertThat(Words.period(Period.parse("P1Y6M"))).isEqualTo("1 year, 6 months");
    assertThat(words.instant(Instant.parse("2026-11-30T15:32:29.186179087Z")))
        .isEqualTo("30 Nov 2026, 15:32");
    assertThat(words.instant(Instant.parse("2026-07-01T23:30:00Z"))).isEqualTo("2 Jul 2026, 00:30");
    assertThat(Words.ofName("EventRegistration")).isEqualTo("Event registration");
  }

  @Property
  @Label(
      "An erased subject's pseudonym is shortened to erased: and four characters; any other identity is shown whole")
  void shortened(@ForAll @StringLength(min = 5, max = 64) String hex, @ForAll String identity) {
    String pseudonym = "erased:" + hex;
    assertThat(Words.subject(pseudonym)).isEqualTo("erased:" + hex.substring(0, 4) + "…");
    if (!identity.startsWith("erased:")) {
      assertThat(Words.subject(identity)).isEqualTo(identity);
    }
  }
}
