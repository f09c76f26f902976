/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.store;

import org.jspecify.annotations.NullMarked;
