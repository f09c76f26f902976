package dev.lethe.spring;

import dev.lethe.jdbc.LetheSchema;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies Lethe's Flyway migrations, with their own history table, when the context starts: before
 * the application's Flyway migrations and the JDBC stores, which are made to depend on this bean.
 * With {@code lethe.schema.migrate=false} it does nothing, for applications that manage the schema.
 */
public final class LetheSchemaInitializer implements InitializingBean {

  /** The bean's name, which the application's migrations are made to depend on. */
  public static final String BEAN_NAME = "letheSchemaInitializer";

  private static final Logger LOG = LoggerFactory.getLogger(LetheSchemaInitializer.class);

  private final DataSource dataSource;
  private final boolean migrate;

  LetheSchemaInitializer(DataSource dataSource, boolean migrate) {
    this.dataSource = dataSource;
    this.migrate = migrate;
  }

  @Override
  public void afterPropertiesSet() {
    if (!migrate) {
      LOG.info(
          "Lethe's schema migration is off (lethe.schema.migrate=false): the lethe_* tables must exist already");
      return;
    }
    int applied = LetheSchema.migrate(dataSource);
    LOG.info(
        "Lethe schema is up to date ({} migration(s) applied, history in {})",
        applied,
        LetheSchema.HISTORY_TABLE);
  }
}
