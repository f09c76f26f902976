package dev.lethe.jdbc;

import dev.lethe.spi.ReceiptStore;
import dev.lethe.tck.ReceiptStoreCompatibilityKit;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcReceiptStoreIT extends ReceiptStoreCompatibilityKit {

  @RegisterExtension static final MigratedDatabase DATABASE = new MigratedDatabase();

  @Override
  protected ReceiptStore createStore() {
    return JdbcReceiptStore.of(DATABASE.emptied("lethe_participant_receipt"));
  }
}
