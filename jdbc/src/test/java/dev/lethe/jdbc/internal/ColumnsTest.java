package dev.lethe.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ColumnsTest {

  @Property
  @Label("Art. 5(1)(d): an instant reads back exactly as it was stored, to the nanosecond")
  void storedInstantsReadBackExactly(
      @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);

    assertThat(Columns.parse(Columns.instant(instant))).isEqualTo(instant);
  }

  @Test
  void otherFormsAreReadAsInstantParseReadsThem() {
    assertThat(Columns.parse("2026-12-01T10:15:30Z"))
        .isEqualTo(Instant.parse("2026-12-01T10:15:30Z"));
    assertThat(Columns.parse("2026-12-01T10:15:30.123Z"))
        .isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
    assertThatThrownBy(() -> Columns.parse("2026-13-01T10:15:30.000000000Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> Columns.parse("2026-12-01T10:15:30.+00000000Z"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
