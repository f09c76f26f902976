/** Operating Lethe: the retention schedule, the {@code lethe} actuator endpoint and Micrometer metrics. */
@NullMarked
package dev.lethe.spring.actuate;

import org.jspecify.annotations.NullMarked;
