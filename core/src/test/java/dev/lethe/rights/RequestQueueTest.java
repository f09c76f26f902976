package dev.lethe.rights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.audit.AuditEvent;
import dev.lethe.audit.AuditEventType;
import dev.lethe.request.Channel;
import dev.lethe.request.RequestType;
import dev.lethe.request.RightsRequest;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The queue of the people who answer requests: filtered, paged, and each request's history (Art. 12(3), 5(2)). */
class RequestQueueTest {

  private static final SubjectIdentifier ADA =
      new SubjectIdentifier("customer", "email", "ada@example.com");
  private static final SubjectIdentifier BOB =
      new SubjectIdentifier("customer", "email", "bob@example.com");

  @Test
  @DisplayName("Art. 12(3): the queue filters by status, type and subject, earliest due first")
  void art12_filters() {
    RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-10T09:00:00Z"));
    DataSubjectRights rights = fixture.rights().build();
    RightsRequest adaAccess = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    fixture.clock.advance(Duration.ofDays(1));
    RightsRequest bobErasure = rights.submit(RequestType.ERASURE, BOB, Channel.EMAIL);
    fixture.clock.advance(Duration.ofMinutes(1)); // same due date: the earlier received comes first
    RightsRequest adaErasure = rights.submit(RequestType.ERASURE, ADA, Channel.EMAIL);
    rights.cancel(adaErasure.id(), "withdrawn");

    RequestQuery everything = RequestQuery.all(10);
    assertThat(rights.requests(everything).requests())
        .extracting(RightsRequest::id)
        .containsExactly(adaAccess.id(), bobErasure.id(), adaErasure.id());
    assertThat(rights.requests(everything.open()).requests())
        .extracting(RightsRequest::id)
        .containsExactly(adaAccess.id(), bobErasure.id());
    assertThat(rights.requests(everything.withTypes(Set.of(RequestType.ERASURE))).requests())
        .extracting(RightsRequest::id)
        .containsExactly(bobErasure.id(), adaErasure.id());
    assertThat(rights.requests(everything.withSubject("  ADA@example.com ")).requests())
        .extracting(RightsRequest::id)
        .containsExactly(adaAccess.id(), adaErasure.id());
  }

  @Test
  @DisplayName("Art. 5(2): a request's history is its audit events, in order")
  void art5_2_history() {
    RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-10T09:00:00Z"));
    DataSubjectRights rights = fixture.rights().build();
    RightsRequest request = rights.submit(RequestType.ACCESS, ADA, Channel.WEB);
    rights.submit(RequestType.ERASURE, BOB, Channel.WEB);
    rights.verify(request.id(), "id-document");

    assertThat(fixture.audit.eventsOf(request.id()))
        .extracting(AuditEvent::type)
        .containsExactly(AuditEventType.REQUEST_SUBMITTED, AuditEventType.IDENTITY_VERIFIED);
  }

  @Property(tries = 50)
  @Label("Art. 12(3): reading every page lists each matching request once, earliest due first")
  void art12_pagesCoverTheQueue(
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 40) Integer> daysApart,
      @ForAll @IntRange(min = 1, max = 7) int size) {
    RightsFixture fixture = new RightsFixture(MutableClock.at("2025-01-10T09:00:00Z"));
    DataSubjectRights rights = fixture.rights().build();
    List<RightsRequest> submitted = new ArrayList<>();
    for (int days : daysApart) {
      fixture.clock.advance(Duration.ofDays(days));
      submitted.add(
          rights.submit(
              days % 2 == 0 ? RequestType.ACCESS : RequestType.ERASURE, ADA, Channel.WEB));
    }
    RequestQuery query = RequestQuery.all(size).withTypes(Set.of(RequestType.ACCESS));
    List<RightsRequest> read = new ArrayList<>();
    RequestPage page = rights.requests(query);
    read.addAll(page.requests());
    while (page.hasNext()) {
      page = rights.requests(query.withPage(page.query().page() + 1));
      read.addAll(page.requests());
    }
    assertThat(read)
        .extracting(RightsRequest::id)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(
            submitted.stream()
                .filter(request -> request.type() == RequestType.ACCESS)
                .map(RightsRequest::id)
                .toList());
    assertThat(read).extracting(RightsRequest::dueDate).isSorted();
    assertThat(page.total()).isEqualTo(read.size());
  }
}
