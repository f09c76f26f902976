package dev.lethe.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An audit sink whose storage an attacker controls, as with a file or a table anyone with access
 * can edit: it returns events in stored order and lets a test change, remove and reorder them.
 */
final class TamperableAuditSink implements AuditSink {

  private final List<AuditEvent> stored = new ArrayList<>();

  @Override
  public void append(AuditEvent event) {
    stored.add(event);
  }

  @Override
  public Stream<AuditEvent> events() {
    return List.copyOf(stored).stream();
  }

  int size() {
    return stored.size();
  }

  AuditEvent get(int position) {
    return stored.get(position);
  }

  void replace(int position, UnaryOperator<AuditEvent> change) {
    stored.set(position, change.apply(stored.get(position)));
  }

  void remove(int position) {
    stored.remove(position);
  }

  void swap(int position, int otherPosition) {
    Collections.swap(stored, position, otherPosition);
  }
}
