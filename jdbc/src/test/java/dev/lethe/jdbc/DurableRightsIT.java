package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditTrail;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestStatus;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.subject.SubjectIdentifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DurableRightsIT {

  private static final byte[] KEY =
      "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Test
  @DisplayName(
      "Art. 12(3), 5(2): a request made before a restart is found after it, with its state and an intact audit chain")
  void survivesARestart() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-31T10:15:30.123456789Z"), ZoneOffset.UTC);
    DataSubjectRights before = rights(clock);
    RightsRequest request =
        before.submit(
            RequestType.ACCESS,
            new SubjectIdentifier("customer", "email", "ada@example.com"),
            Channel.WEB);
    before.verify(request.id(), "email-link");
    before.extend(request.id(), Period.ofMonths(2), "Many records across systems");

    DataSubjectRights after = rights(clock);
    AuditTrail auditAfter =
        AuditTrail.of(JdbcAuditSink.of(DATABASE.dataSource()), Pseudonymizer.withKey(KEY), clock);

    RightsRequest found = after.find(request.id()).orElseThrow();
    assertThat(found.status()).isEqualTo(RequestStatus.VERIFIED);
    assertThat(found.dueDate()).hasToString("2026-04-28");
    assertThat(found.subject()).isEqualTo(request.subject());
    assertThat(after.open()).extracting(RightsRequest::id).containsExactly(request.id());
    assertThat(auditAfter.verify().isIntact()).isTrue();
    try (var events = auditAfter.events()) {
      assertThat(events.count()).isEqualTo(3);
    }
    after.cancel(request.id(), "Withdrawn by the subject");
    assertThat(auditAfter.verify().isIntact())
        .as("the chain continues across the restart")
        .isTrue();
  }

  private static DataSubjectRights rights(Clock clock) {
    AuditTrail audit =
        AuditTrail.of(JdbcAuditSink.of(DATABASE.dataSource()), Pseudonymizer.withKey(KEY), clock);
    return DataSubjectRights.builder(audit)
        .clock(clock)
        .requestStore(JdbcRequestStore.of(DATABASE.dataSource()))
        .build();
  }
}
