package dev.lethe.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

class InMemoryDatabasesTest {

  @ParameterizedTest
  @CsvSource({
    "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1, H2",
    "jdbc:h2:mem:, H2",
    "JDBC:H2:MEM:shop, H2",
    "jdbc:hsqldb:mem:shop, HSQLDB",
    "jdbc:derby:memory:shop;create=true, Derby"
  })
  @DisplayName("An embedded database in memory is recognised by its URL")
  void inMemory(String url, String database) {
    assertThat(InMemoryDatabases.ofUrl(url)).contains(database);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "jdbc:postgresql://127.0.0.1:5432/test",
        "jdbc:mariadb://127.0.0.1:3306/test",
        "jdbc:h2:file:./shop",
        "jdbc:h2:./shop",
        "jdbc:h2:tcp://localhost/mem:shop",
        "jdbc:hsqldb:file:shop",
        "jdbc:derby:shop;create=true",
        "jdbc:derby://localhost:1527/memory:shop"
      })
  @DisplayName(
      "A database that outlives the run is not, files of embedded databases and in-memory servers included")
  void outlivesTheRun(String url) {
    assertThat(InMemoryDatabases.ofUrl(url)).isEmpty();
  }

  @Test
  @DisplayName("A DataSource without a URL property is asked through a connection")
  void withoutAUrlProperty() {
    var database =
        new EmbeddedDatabaseBuilder()
            .setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true)
            .build();
    try {
      assertThat(InMemoryDatabases.of(database)).contains("H2");
    } finally {
      database.shutdown();
    }
  }
}
