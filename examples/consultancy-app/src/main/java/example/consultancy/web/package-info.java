/**
 * The privacy centre, the admin page and the records, as plain server-rendered HTML: each
 * controller calls Lethe's services directly.
 */
@NullMarked
package example.consultancy.web;

import org.jspecify.annotations.NullMarked;
