@NullMarked
package dev.lethe.erasure;

import org.jspecify.annotations.NullMarked;
