/**
 * The consultancy app and its two events services in one JVM, for trying the erasures that travel
 * between services (Art. 17(2), 19): {@link example.servicesdemo.ServicesDemo}.
 */
@NullMarked
package example.servicesdemo;

import org.jspecify.annotations.NullMarked;
