package dev.lethe.jpa.generated;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger that fails every row it fires for: the injected failure of one erasure statement. */
public final class FailingTrigger implements Trigger {

  /** H2 instantiates triggers by their public no-argument constructor. */
  public FailingTrigger() {}

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException("injected failure", "45000");
  }
}
