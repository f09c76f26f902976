/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.housekeeping;

import org.jspecify.annotations.NullMarked;
