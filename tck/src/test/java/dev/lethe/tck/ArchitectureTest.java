package dev.lethe.tck;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps lethe-tck's package graph without cycles: the kits in {@code dev.lethe.tck} use the shop
 * fixture in {@code dev.lethe.tck.shop}, which never imports a kit back.
 */
class ArchitectureTest {

  private static final JavaClasses TCK =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.tck");

  @Test
  @DisplayName(
      "Packages form a graph without cycles: a package never imports one that imports it back")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(TCK);
  }
}
