@NullMarked
package dev.lethe.internal.model;

import org.jspecify.annotations.NullMarked;
