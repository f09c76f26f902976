/**
 * JMH benchmarks of Lethe against the hand-written optimum and against what users write today:
 * erasure, export and model building, on H2 and PostgreSQL. Not deployed; run with
 * {@code benchmarks/run.sh}, which writes {@code benchmarks/RESULTS.md}.
 */
@NullMarked
package dev.lethe.bench;

import org.jspecify.annotations.NullMarked;
