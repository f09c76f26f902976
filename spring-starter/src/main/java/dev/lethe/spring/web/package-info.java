/**
 * The optional REST API of the starter ({@code lethe.web.enabled=true}): admin endpoints that take
 * rights requests through their Art. 12 lifecycle, and self-service endpoints through which a
 * signed-in data subject exercises Art. 7(3), 15, 17 and 20 on their own data only. Errors are
 * RFC 9457 problem details free of personal data.
 */
@NullMarked
package dev.lethe.spring.web;

import org.jspecify.annotations.NullMarked;
