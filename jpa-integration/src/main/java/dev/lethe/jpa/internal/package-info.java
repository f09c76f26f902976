/**
 * The JPA store's machinery: metamodel discovery, route predicates in JPQL and native SQL,
 * streamed reads, set-based erasure and rectification, retention batches
 * under row locks and the restriction listeners. Never part of a public signature.
 */
@NullMarked
package dev.lethe.jpa.internal;

import org.jspecify.annotations.NullMarked;
