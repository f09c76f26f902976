package dev.lethe.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps core's promises: free of JPA, Hibernate ORM and Spring; a small public surface. */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe");

  @Test
  @DisplayName("Core depends on no JPA, Hibernate ORM or Spring")
  void coreIsFreeOfFrameworks() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.persistence..", "org.springframework..")
        .orShould()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in org.hibernate but not the validator",
                (JavaClass type) ->
                    type.getPackageName().startsWith("org.hibernate")
                        && !type.getPackageName().startsWith("org.hibernate.validator")))
        .check(CORE);
  }

  @Test
  @DisplayName("No public signature exposes an internal type")
  void internalsStayInternal() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.lethe.internal..")
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should(
            new ArchCondition<>("not expose internal types") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                method.getAllInvolvedRawTypes().stream()
                    .filter(type -> type.getPackageName().startsWith("dev.lethe.internal"))
                    .forEach(
                        type ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    method, method.getFullName() + " exposes " + type.getName())));
              }
            })
        .allowEmptyShould(true)
        .check(CORE);
  }

  @Test
  @DisplayName(
      "Public classes outside the SPI are final, records, enums, interfaces or annotations")
  void publicClassesAreClosed() {
    classes()
        .that()
        .arePublic()
        .and()
        .resideOutsideOfPackages("dev.lethe.spi..", "dev.lethe.internal..")
        .and()
        .areNotInterfaces()
        .and()
        .areNotEnums()
        .and()
        .areNotRecords()
        .and()
        .areNotAnnotations()
        .should()
        .haveModifier(JavaModifier.FINAL)
        .check(CORE);
  }

  @Test
  @DisplayName(
      "Packages form a graph without cycles: a package never imports one that imports it back")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(CORE);
  }

  @Test
  @DisplayName("Every package is @NullMarked")
  void everyPackageIsNullMarked() {
    CORE.getPackage("dev.lethe").getSubpackagesInTree().stream()
        .filter(javaPackage -> !javaPackage.getClasses().isEmpty())
        .forEach(
            javaPackage ->
                Assertions.assertThat(javaPackage.isAnnotatedWith(NullMarked.class))
                    .as("package %s is @NullMarked", javaPackage.getName())
                    .isTrue());
  }
}
