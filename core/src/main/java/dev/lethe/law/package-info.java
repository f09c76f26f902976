@NullMarked
package dev.lethe.law;

import org.jspecify.annotations.NullMarked;
