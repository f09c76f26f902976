package dev.lethe.bench;

import dev.lethe.annotation.DataSubject;
import dev.lethe.annotation.PersonalData;
import dev.lethe.annotation.Processing;
import dev.lethe.annotation.SubjectIdentity;
import dev.lethe.law.LawfulBasis;
import dev.lethe.logback.PersonalValueMasker;
import dev.lethe.logback.RecentPersonalValues;
import dev.lethe.model.PersonalDataModel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost per log line of {@code %letheMasked} (Art. 5(1)(f), 32): masking an entity's
 * {@code toString} and a free-text line with {@code remembered} values in the registry, against
 * formatting the same line with no masking ({@link #unmasked}), the floor.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class LogMaskingBenchmark {

  /** How many values the registry holds, up to its default bound of 2,000. */
  @Param({"0", "200", "2000"})
  public int remembered = 0;

  private PersonalValueMasker masker =
      PersonalValueMasker.withoutModel(RecentPersonalValues.standard());
  private Object[] contact = new Object[0];

  @DataSubject("contact")
  @Processing(purpose = "b2b-marketing", basis = LawfulBasis.Kind.CONTRACT)
  static class Contact {
    @SubjectIdentity("id")
    Long id;

    @SubjectIdentity("email")
    @PersonalData(category = "contact.email")
    String email;

    @PersonalData(category = "identity.name")
    String fullName;

    @PersonalData(category = "contact.phone")
    String businessPhone;

    @PersonalData(category = "contact.postal-address")
    String postalAddress;
  }

  @Setup
  public void setUp() {
    RecentPersonalValues recent =
        RecentPersonalValues.of(Math.max(remembered, 1), Duration.ofMinutes(10), Clock.systemUTC());
    for (int i = 0; i < remembered; i++) {
      recent.remember("Person Number" + i);
    }
    masker = PersonalValueMasker.of(PersonalDataModel.scan(Contact.class), recent);
    contact =
        new Object[] {
          4, "Dan Dixon", "dan@example.com", "0191 496 0103", "3 Example Road, Sunderland"
        };
  }

  private String line() {
    return String.format(
        "Erasing Contact{id=%s, fullName='%s', email='%s', businessPhone='%s', postalAddress='%s'}"
            + " for request 4d663566-d220-4876-a0ee-e13a5ade6fba",
        contact);
  }

  /** The line as a log without the converter writes it. */
  @Benchmark
  public String unmasked() {
    return line();
  }

  /** The same line through the masker. */
  @Benchmark
  public String masked() {
    return masker.mask(line());
  }
}
