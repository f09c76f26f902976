/**
 * Several replicas as separate JVM processes over one database, one of them killed with SIGKILL
 * mid-run, and the invariants of issue 14 checked afterwards (Art. 5(2), 17, 18, 19): see
 * {@code ReplicaProcessesIT}.
 */
@NullMarked
package dev.lethe.jpa.replicas;

import org.jspecify.annotations.NullMarked;
