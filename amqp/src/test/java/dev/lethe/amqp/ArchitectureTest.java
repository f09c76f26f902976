package dev.lethe.amqp;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps lethe-amqp's package graph without cycles: one package today, and a package added later
 * never imports one that imports it back.
 */
class ArchitectureTest {

  private static final JavaClasses AMQP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.amqp");

  @Test
  @DisplayName(
      "Packages form a graph without cycles: a package never imports one that imports it back")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(AMQP);
  }
}
