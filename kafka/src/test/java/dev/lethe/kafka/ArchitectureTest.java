package dev.lethe.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

/** Keeps the module's promises: a small public surface, no internal type exposed, no Spring. */
class ArchitectureTest {

  private static final JavaClasses KAFKA =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe.kafka");

  @Test
  @DisplayName("No public signature of dev.lethe.kafka exposes an internal type of core")
  void internalsStayInternal() {
    methods()
        .that()
        .arePublic()
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
        .check(KAFKA);
  }

  @Test
  @DisplayName("Public classes are final")
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
        .should()
        .haveModifier(JavaModifier.FINAL)
        .check(KAFKA);
  }

  @Test
  @DisplayName("The transport is plain Kafka client code: a participant without Spring can use it")
  void noSpring() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(KAFKA);
  }

  @Test
  @DisplayName("Packages form a graph without cycles")
  void packagesAreFreeOfCycles() {
    slices().matching("dev.lethe.(**)").should().beFreeOfCycles().check(KAFKA);
  }

  @Test
  @DisplayName("Every package is @NullMarked")
  void everyPackageIsNullMarked() {
    Assertions.assertThat(KAFKA.getPackage("dev.lethe.kafka").isAnnotatedWith(NullMarked.class))
        .isTrue();
  }
}
