/**
 * The workings of the audit trail: the canonical encoding and SHA-256 chaining of audit events, and
 * the in-memory {@link dev.lethe.spi.AuditSink}. Internal: never part of a public signature.
 */
@NullMarked
package dev.lethe.internal.audit;

import org.jspecify.annotations.NullMarked;
