package dev.lethe.retention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Retention runs in a list. */
final class InMemoryRetentionRunLog implements RetentionRunLog {

  private final List<RetentionReport> runs = new ArrayList<>();

  @Override
  public synchronized void record(RetentionReport run) {
    runs.add(run);
  }

  @Override
  public synchronized List<RetentionReport> latest(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, but is " + limit);
    }
    return runs.stream()
        .sorted(Comparator.comparing(RetentionReport::started).reversed())
        .limit(limit)
        .toList();
  }
}
