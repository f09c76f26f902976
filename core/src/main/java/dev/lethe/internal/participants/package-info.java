/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.participants;

import org.jspecify.annotations.NullMarked;
