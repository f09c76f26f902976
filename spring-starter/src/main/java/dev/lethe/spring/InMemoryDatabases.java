package dev.lethe.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

/**
 * Recognises an embedded database kept in memory (H2, HSQLDB, Derby) by its JDBC URL: its data ends
 * with the run, so a pseudonym key made for the run loses nothing. Not Spring Boot's
 * {@code EmbeddedDatabaseConnection}, which also counts Derby's files and needs a connection.
 */
final class InMemoryDatabases {

  private record InMemoryUrl(String prefix, String database) {}

  private static final List<InMemoryUrl> URLS =
      List.of(
          new InMemoryUrl("jdbc:h2:mem:", "H2"),
          new InMemoryUrl("jdbc:hsqldb:mem:", "HSQLDB"),
          new InMemoryUrl("jdbc:derby:memory:", "Derby"));

  private InMemoryDatabases() {}

  /** The in-memory database's product name, or empty when the DataSource's database outlives the run. */
  static Optional<String> of(DataSource dataSource) {
    return url(dataSource).flatMap(InMemoryDatabases::ofUrl);
  }

  /** The in-memory database's product name for a JDBC URL, or empty for any other URL. */
  static Optional<String> ofUrl(String url) {
    String lowerCase = url.strip().toLowerCase(Locale.ROOT);
    return URLS.stream()
        .filter(known -> lowerCase.startsWith(known.prefix()))
        .map(InMemoryUrl::database)
        .findFirst();
  }

  /**
   * The URL of the pool's configuration (Hikari's {@code jdbcUrl}, the {@code url} of most others)
   * without connecting; otherwise the URL a connection reports. Unknown when neither answers, which
   * counts as a database that outlives the run.
   */
  private static Optional<String> url(DataSource dataSource) {
    BeanWrapper properties = new BeanWrapperImpl(dataSource);
    for (String property : List.of("jdbcUrl", "url")) {
      if (properties.isReadableProperty(property)
          && properties.getPropertyValue(property) instanceof String url) {
        return Optional.of(url);
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      return Optional.ofNullable(connection.getMetaData().getURL());
    } catch (SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
