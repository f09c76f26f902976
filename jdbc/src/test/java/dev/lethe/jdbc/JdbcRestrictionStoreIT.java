package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.law.RestrictionGround;
import dev.lethe.request.RequestId;
import dev.lethe.restriction.Restriction;
import dev.lethe.restriction.RestrictionStore;
import dev.lethe.subject.SubjectPseudonym;
import dev.lethe.tck.RestrictionStoreCompatibilityKit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcRestrictionStoreIT extends RestrictionStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected RestrictionStore createStore() {
    return JdbcRestrictionStore.of(DATABASE.emptied("lethe_restriction"));
  }

  @Test
  @DisplayName(
      "Art. 18(2): a restriction saved by another instance counts here once the empty interval is over")
  void anotherInstancesRestrictionCountsAfterTheEmptyInterval() {
    DataSource dataSource = DATABASE.emptied("lethe_restriction");
    JdbcRestrictionStore looksEveryTime = JdbcRestrictionStore.of(dataSource, Duration.ZERO);
    JdbcRestrictionStore trustsEmptyForAnHour =
        JdbcRestrictionStore.of(dataSource, Duration.ofHours(1));
    assertThat(looksEveryTime.isEmpty()).isTrue();
    assertThat(trustsEmptyForAnHour.isEmpty()).isTrue();

    JdbcRestrictionStore.of(dataSource)
        .save(
            new Restriction(
                new SubjectPseudonym("c".repeat(64)),
                RequestId.random(),
                RestrictionGround.ACCURACY_CONTESTED,
                Instant.parse("2025-03-03T09:00:00Z"),
                Optional.empty()));

    assertThat(looksEveryTime.isEmpty()).isFalse();
    assertThat(trustsEmptyForAnHour.isEmpty())
        .as("still within the hour it trusts an empty table")
        .isTrue();
    assertThat(trustsEmptyForAnHour.find(new SubjectPseudonym("c".repeat(64))))
        .as("find always reads")
        .isPresent();
  }

  @Test
  @DisplayName(
      "Art. 18(1): a restriction saved through one instance is enforced by another within the configured bound")
  void anotherInstancesRestrictionIsEnforcedWithinTheBound() throws InterruptedException {
    Duration bound = Duration.ofMillis(400);
    DataSource dataSource = DATABASE.emptied("lethe_restriction");
    JdbcRestrictionStore replicaA = JdbcRestrictionStore.of(dataSource, bound);
    JdbcRestrictionStore replicaB = JdbcRestrictionStore.of(dataSource, bound);
    assertThat(replicaA.isEmpty()).isTrue();

    long savedAt = System.nanoTime();
    replicaB.save(
        new Restriction(
            new SubjectPseudonym("d".repeat(64)),
            RequestId.random(),
            RestrictionGround.ACCURACY_CONTESTED,
            Instant.parse("2025-03-03T09:00:00Z"),
            Optional.empty()));
    while (replicaA.isEmpty()) {
      assertThat(Duration.ofNanos(System.nanoTime() - savedAt))
          .as("not yet enforced on the other replica")
          .isLessThan(bound.plusMillis(250));
      Thread.sleep(5);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - savedAt))
        .isLessThanOrEqualTo(bound.plusMillis(250));
    assertThat(replicaB.isEmpty()).as("the saving replica counts it at once").isFalse();
  }

  @Test
  @DisplayName(
      "Art. 18(1), 18(2): the snapshot holds every standing restriction, stays one instance while trusted, and follows this store's own saves and removals at once")
  void snapshotOfTheStandingRestrictions() {
    DataSource dataSource = DATABASE.emptied("lethe_restriction");
    JdbcRestrictionStore store = JdbcRestrictionStore.of(dataSource, Duration.ofHours(1));
    SubjectPseudonym one = new SubjectPseudonym("e".repeat(64));
    SubjectPseudonym other = new SubjectPseudonym("f".repeat(64));
    Restriction restriction =
        new Restriction(
            one,
            RequestId.random(),
            RestrictionGround.OBJECTION_PENDING,
            Instant.parse("2025-03-03T09:00:00Z"),
            Optional.empty());
    assertThat(store.standing()).hasValueSatisfying(standing -> assertThat(standing).isEmpty());

    store.save(restriction);
    var standing = store.standing().orElseThrow();
    JdbcRestrictionStore.of(dataSource)
        .save(
            new Restriction(
                other,
                RequestId.random(),
                RestrictionGround.ACCURACY_CONTESTED,
                Instant.parse("2025-03-04T09:00:00Z"),
                Optional.empty()));

    assertThat(standing).containsOnlyKeys(one).containsEntry(one, restriction);
    assertThat(store.standing().orElseThrow())
        .as("the same snapshot while trusted, another instance's save unseen")
        .isSameAs(standing);
    assertThat(store.remove(one)).isTrue();
    assertThat(store.standing().orElseThrow())
        .as("read again after this store's removal")
        .containsOnlyKeys(other);
    assertThat(store.isEmpty()).isFalse();
  }
}
