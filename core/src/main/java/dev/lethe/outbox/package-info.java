/**
 * Dispatching the outbox: {@link dev.lethe.outbox.OutboxDispatcher} takes due messages from an
 * {@link dev.lethe.spi.Outbox}, delivers them through an {@link dev.lethe.spi.OutboxTransport},
 * retries failures with exponential back-off up to a maximum age and then marks them dead (Art. 19).
 * Safe to run in every replica at once. {@link dev.lethe.outbox.OutboxAdministration} holds the rest:
 * administrators' retries and the outbox's own storage limitation (Art. 5(1)(e)), audited.
 */
@NullMarked
package dev.lethe.outbox;

import org.jspecify.annotations.NullMarked;
