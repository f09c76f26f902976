/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.retention;

import org.jspecify.annotations.NullMarked;
