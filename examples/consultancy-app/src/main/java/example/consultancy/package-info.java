/**
 * A consultancy's application with Lethe: Mesma Limited's privacy statement, implemented. Start with
 * {@link example.consultancy.ConsultancyApplication}; the people are in {@code people}, the privacy
 * centre and the admin page in {@code web}.
 */
@NullMarked
package example.consultancy;

import org.jspecify.annotations.NullMarked;
