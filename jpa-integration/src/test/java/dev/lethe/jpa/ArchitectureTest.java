package dev.lethe.jpa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.lethe.restriction.RestrictionEnforcement;
import java.lang.reflect.Method;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Keeps the module's promises: a small public surface that exposes no internal type, and no package cycle. */
class ArchitectureTest {

  private static final JavaClasses JPA =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.jpa");

  @Test
  @DisplayName(
      "No public signature of dev.lethe.jpa exposes an internal type, of this module or of core")
  void internalsStayInternal() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.lethe.jpa.internal..")
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should(
            new ArchCondition<>("not expose internal types") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                method.getAllInvolvedRawTypes().stream()
                    .filter(
                        type ->
                            type.getPackageName().startsWith("dev.lethe.jpa.internal")
                                || type.getPackageName().startsWith("dev.lethe.internal"))
                    .forEach(
                        type ->
                            events.add(
                                SimpleConditionEvent.violated(
                                    method, method.getFullName() + " exposes " + type.getName())));
              }
            })
        .check(JPA);
  }

  @Test
  @DisplayName("Public classes are final or records")
  void publicClassesAreClosed() {
    classes()
        .that()
        .arePublic()
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
        .check(JPA);
  }

  @Test
  @DisplayName(
      "Packages form a graph without cycles: the internals never import the API they serve")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(JPA);
  }

  @Test
  @DisplayName("Every package is @NullMarked")
  void everyPackageIsNullMarked() {
    JPA.getPackage("dev.lethe.jpa").getSubpackagesInTree().stream()
        .filter(javaPackage -> !javaPackage.getClasses().isEmpty())
        .forEach(
            javaPackage ->
                Assertions.assertThat(javaPackage.isAnnotatedWith(NullMarked.class))
                    .as("package %s is @NullMarked", javaPackage.getName())
                    .isTrue());
  }

  @Test
  @DisplayName(
      "Art. 18(2): restrictions reach the store one way, from the Lethe built over it, not through a store and a trail of their own")
  void restrictionsComeOnlyFromLethe() {
    Assertions.assertThat(JpaPersonalDataStore.Builder.class.getMethods())
        .extracting(Method::getName)
        .doesNotContain("restrictions");
    Assertions.assertThat(RestrictionEnforcement.class)
        .isAssignableFrom(JpaPersonalDataStore.class);
  }
}
