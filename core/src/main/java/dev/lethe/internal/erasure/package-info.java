/** Implementation details. Not API: may change without notice. */
@NullMarked
package dev.lethe.internal.erasure;

import org.jspecify.annotations.NullMarked;
