package dev.lethe.spi;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/** {@link Transactions} without a transaction: for in-memory stores, and stores that commit each call. */
enum DirectTransactions implements Transactions {
  INSTANCE;

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return requireNonNull(work, "work").get();
  }

  @Override
  public void afterCommit(Runnable action) {
    requireNonNull(action, "action").run();
  }

  @Override
  public String toString() {
    return "Transactions.direct()";
  }
}
