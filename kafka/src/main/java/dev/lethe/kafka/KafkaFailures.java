package dev.lethe.kafka;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;

/** Turns the failure of a client future into an unchecked exception of a telling type. */
final class KafkaFailures {

  private KafkaFailures() {}

  /**
   * The cause itself when it is unchecked, so that the outbox records the client's own failure type
   * (such as {@code org.apache.kafka.common.errors.TimeoutException}) rather than a wrapper's.
   */
  static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new KafkaException(cause == null ? e : cause);
  }
}
