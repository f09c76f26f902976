package dev.lethe.rights;

import dev.lethe.request.RightsRequest;
import java.util.List;

/**
 * One page of the rights requests a {@link RequestQuery} lists, earliest due first (Art. 12(3)).
 *
 * @param requests the requests on this page
 * @param query the query, with the page it asked for
 * @param total how many requests the query lists on all its pages
 */
public record RequestPage(List<RightsRequest> requests, RequestQuery query, long total) {

  public RequestPage {
    requests = List.copyOf(requests);
  }

  /** How many pages the query lists: at least one, empty as it may be. */
  public int pages() {
    return (int) Math.max(1, (total + query.size() - 1) / query.size());
  }

  /** Whether a page follows this one. */
  public boolean hasNext() {
    return query.page() + 1 < pages();
  }
}
