package dev.lethe.spring;

import dev.lethe.jdbc.LetheSchema;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies Lethe's Flyway migrations, with their own history table, when the context starts: before
 * the application's Flyway migrations, which are made to depend on this bean.
 */
public final class LetheSchemaInitializer implements InitializingBean {

  /** The bean's name, which the application's migrations are made to depend on. */
  public static final String BEAN_NAME = "letheSchemaInitializer";

  private static final Logger LOG = LoggerFactory.getLogger(LetheSchemaInitializer.class);

  private final DataSource dataSource;

  LetheSchemaInitializer(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterPropertiesSet() {
    int applied = LetheSchema.migrate(dataSource);
    LOG.info("Lethe schema is up to date ({} migration(s) applied, history in {})", applied, LetheSchema.HISTORY_TABLE);
  }
}
