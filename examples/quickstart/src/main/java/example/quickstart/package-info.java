/**
 * The README's quick start, file for file: a Spring Boot JPA application on H2 with the Lethe
 * starter as its one Lethe dependency, its customer entity annotated, and the first access request
 * (Art. 15).
 */
package example.quickstart;
