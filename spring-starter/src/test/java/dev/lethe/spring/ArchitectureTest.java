package dev.lethe.spring;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeps the starter's package graph without cycles: the auto-configuration in {@code dev.lethe.spring}
 * wires the endpoints of {@code dev.lethe.spring.actuate}; the web layer in {@code dev.lethe.spring.web}
 * configures itself after it and reads its properties; neither is imported back.
 */
class ArchitectureTest {

  private static final JavaClasses STARTER =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.spring");

  @Test
  @DisplayName(
      "Packages form a graph without cycles: a package never imports one that imports it back")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(STARTER);
  }
}
