/** Implementation details of the JDBC stores. Not API: may change without notice. */
@NullMarked
package dev.lethe.jdbc.internal;

import org.jspecify.annotations.NullMarked;
