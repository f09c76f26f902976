/** Real-database test support, shared through the lethe-jdbc test-jar. */
@NullMarked
package dev.lethe.jdbc.testing;

import org.jspecify.annotations.NullMarked;
