/** Test support: the database under test, chosen by {@code lethe.db}, with its own schema and a JDBC statement counter. */
@NullMarked
package dev.lethe.jpa.testing;

import org.jspecify.annotations.NullMarked;
