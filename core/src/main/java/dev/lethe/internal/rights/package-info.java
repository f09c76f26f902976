/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.rights;

import org.jspecify.annotations.NullMarked;
