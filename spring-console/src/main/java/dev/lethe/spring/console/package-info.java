/**
 * The console: server-rendered pages (Thymeleaf) for the people who answer data-subject requests
 * (Art. 12): the queue with deadlines, each request with its history and actions, legal holds
 * (Art. 17(3)(e)), the audit chain (Art. 5(2)), retention runs (Art. 5(1)(e)) and the records
 * (Art. 30, 13/14) in words. Wired by {@link dev.lethe.spring.console.LetheConsoleAutoConfiguration}
 * when {@code lethe.console.enabled=true}.
 */
@NullMarked
package dev.lethe.spring.console;

import org.jspecify.annotations.NullMarked;
