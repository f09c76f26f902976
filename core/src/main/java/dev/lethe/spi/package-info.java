/** The ports Lethe is extended through: stores, sinks, verifiers and notifiers. Each ships an in-memory implementation and a compatibility test kit in the lethe-core test-jar. */
@NullMarked
package dev.lethe.spi;

import org.jspecify.annotations.NullMarked;
