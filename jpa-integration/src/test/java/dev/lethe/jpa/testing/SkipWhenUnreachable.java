package dev.lethe.jpa.testing;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * Skips a jqwik container when the selected database cannot be reached outside CI, as a JUnit
 * assumption does for the other integration tests (jqwik reports an aborted
 * {@code @BeforeContainer} as an error).
 */
public final class SkipWhenUnreachable implements SkipExecutionHook {

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return TestDatabase.unreachable().map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
  }
}
