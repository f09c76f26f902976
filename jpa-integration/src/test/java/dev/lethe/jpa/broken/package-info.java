/** Mappings the JPA store must refuse at start-up, each naming its entity and attribute. */
@NullMarked
package dev.lethe.jpa.broken;

import org.jspecify.annotations.NullMarked;
