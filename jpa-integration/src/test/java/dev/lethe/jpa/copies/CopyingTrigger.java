package dev.lethe.jpa.copies;

import java.sql.Connection;
import org.h2.api.Trigger;

/** An H2 trigger standing for one that copies rows elsewhere; it does nothing, being there is the point. */
public class CopyingTrigger implements Trigger {

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
    // The inventory reads the catalogue only; what the trigger does is never run by it.
  }
}
