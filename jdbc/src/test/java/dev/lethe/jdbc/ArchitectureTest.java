package dev.lethe.jdbc;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps lethe-jdbc's package graph without cycles: {@code dev.lethe.jdbc.internal} serves the stores
 * and never imports {@code dev.lethe.jdbc} back, so the machinery stays below the API it implements.
 */
class ArchitectureTest {

  private static final JavaClasses JDBC =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.jdbc");

  @Test
  @DisplayName(
      "Packages form a graph without cycles: a package never imports one that imports it back")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(JDBC);
  }
}
