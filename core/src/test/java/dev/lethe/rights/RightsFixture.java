package dev.lethe.rights;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditSink;
import dev.lethe.audit.AuditTrail;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.Pseudonymizer;
import dev.lethe.testing.MutableClock;
import java.util.List;

/** A rights service on in-memory parts that a test can inspect, with a clock it can move. */
final class RightsFixture {

  final MutableClock clock;
  final RequestStore store = RequestStore.inMemory();
  final AuditTrail audit;

  RightsFixture(MutableClock clock) {
    this.clock = clock;
    this.audit = AuditTrail.of(AuditSink.inMemory(), Pseudonymizer.withKey(new byte[32]), clock);
  }

  /** A builder wired to this fixture's clock, store and audit. */
  DataSubjectRights.Builder rights() {
    return DataSubjectRights.builder(audit).clock(clock).requestStore(store);
  }

  /** Every stored request and every audit event, to compare before and after a refused call. */
  State state() {
    try (var requests = store.findAll();
        var events = audit.events()) {
      return new State(requests.toList(), events.toList());
    }
  }

  List<AuditEvent> events() {
    return state().events();
  }

  record State(List<RightsRequest> requests, List<AuditEvent> events) {}
}
