/**
 * The ports through which Lethe reaches the application's infrastructure: where rights requests are
 * kept ({@link dev.lethe.rights.RequestStore}), where audit events go ({@link dev.lethe.audit.AuditSink}),
 * how a subject's identity is checked ({@link dev.lethe.rights.IdentityVerifier}, Art. 12(6)) and how
 * recipients are told of changes ({@link dev.lethe.spi.RecipientNotifier}, Art. 19), and the outbox
 * every message leaves Lethe through ({@link dev.lethe.spi.Outbox}, {@link dev.lethe.spi.OutboxTransport}). Each is a small
 * interface with defaults for its optional parts; core ships built-ins, and the test-jar an abstract
 * compatibility kit that every implementation should pass.
 */
@NullMarked
package dev.lethe.spi;

import org.jspecify.annotations.NullMarked;
