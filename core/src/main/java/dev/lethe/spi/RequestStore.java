package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import dev.lethe.internal.rights.InMemoryRequestStore;
import dev.lethe.rights.DataSubjectRights;
import dev.lethe.rights.RequestId;
import dev.lethe.rights.RightsRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where {@link DataSubjectRights} keeps rights requests, so that each one's receipt, deadline and
 * answer can be shown (Art. 12(3), Art. 5(2)). Shaped for a database table keyed by request id
 * with an index on (open, due date): every query is one an index answers.
 *
 * <p>Implementations must pass {@code RequestStoreCompatibilityKit} from the lethe-core test-jar.
 */
public interface RequestStore {

  /** Inserts {@code request}, or replaces the request with the same id. */
  void save(RightsRequest request);

  /** The request with {@code id}, as last saved. */
  Optional<RightsRequest> find(RequestId id);

  /** Every open request (Art. 12(3): its deadline runs), earliest {@linkplain RightsRequest#dueDate() due date} first, then earliest received. */
  List<RightsRequest> findOpen();

  /**
   * Every open request due on or before {@code date}, in the order of {@link #findOpen()}. The
   * default filters {@code findOpen()}; a database answers it from its index.
   */
  default List<RightsRequest> findOpenDueOnOrBefore(LocalDate date) {
    requireNonNull(date, "date");
    return findOpen().stream().filter(request -> !request.dueDate().isAfter(date)).toList();
  }

  /** Every request, open or closed, earliest received first. The caller closes the stream. */
  Stream<RightsRequest> findAll();

  /** A store that keeps requests in memory, for tests and for applications that need no durable store. */
  static RequestStore inMemory() {
    return new InMemoryRequestStore();
  }
}
