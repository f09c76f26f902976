/**
 * The tamper-evident audit trail that makes the controller's compliance demonstrable (Art. 5(2)):
 * every step of a rights request and every action on personal data becomes an {@link
 * dev.lethe.audit.AuditEvent}, chained by SHA-256 hashes so that a changed, removed or reordered event
 * is detected. Subjects appear only as keyed pseudonyms (Art. 4(5), Art. 32): the audit holds no
 * personal data.
 */
@NullMarked
package dev.lethe.audit;

import org.jspecify.annotations.NullMarked;
