@NullMarked
package dev.lethe.model;

import org.jspecify.annotations.NullMarked;
