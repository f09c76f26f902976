@NullMarked
package dev.lethe.annotation;

import org.jspecify.annotations.NullMarked;
