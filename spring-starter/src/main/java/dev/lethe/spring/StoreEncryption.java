package dev.lethe.spring;

import dev.lethe.jpa.JpaPersonalDataStore;

/**
 * Gives the JPA store its subject keys when lethe-crypto is there and a key-encryption key is
 * configured (Art. 32(1)(a)). Its own type, so that the JPA configuration never names a class of
 * lethe-crypto, which the application may leave out.
 */
@FunctionalInterface
interface StoreEncryption {

  /** Whether {@code builder} was given subject keys. */
  boolean encrypt(JpaPersonalDataStore.Builder builder);
}
