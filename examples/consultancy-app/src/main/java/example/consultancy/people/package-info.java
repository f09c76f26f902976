/**
 * The people in Mesma's privacy statement, as JPA entities annotated with what the statement says
 * about them: the data categories, the purposes and their lawful bases, the recipients and the
 * retention periods. Lethe reads these annotations; nothing else describes the processing.
 */
@NullMarked
package example.consultancy.people;

import org.jspecify.annotations.NullMarked;
