/** The coordinator's model for {@code FanOutBenchmark}: a CRM contact disclosed to three participant services. */
@NullMarked
package dev.lethe.bench.fanout;

import org.jspecify.annotations.NullMarked;
