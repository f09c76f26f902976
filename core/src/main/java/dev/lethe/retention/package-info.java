@NullMarked
package dev.lethe.retention;

import org.jspecify.annotations.NullMarked;
