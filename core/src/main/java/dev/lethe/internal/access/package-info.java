/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.access;

import org.jspecify.annotations.NullMarked;
