package dev.lethe;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of STYLE.md for the rights, audit, consent, objection, restriction, processing and SPI packages. */
class RightsAndAuditArchitectureTest {

  private static final String[] PUBLIC_PACKAGES = {
    "dev.lethe.rights..",
    "dev.lethe.audit..",
    "dev.lethe.spi..",
    "dev.lethe.consent..",
    "dev.lethe.objection..",
    "dev.lethe.restriction..",
    "dev.lethe.processing.."
  };

  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.lethe");

  @Test
  void publicClassesOutsideTheSpiAreFinal() {
    classes()
        .that()
        .resideInAnyPackage(
            "dev.lethe.rights..",
            "dev.lethe.audit..",
            "dev.lethe.consent..",
            "dev.lethe.objection..",
            "dev.lethe.restriction..",
            "dev.lethe.processing..")
        .and()
        .arePublic()
        .and()
        .areNotInterfaces()
        .and()
        .areNotEnums()
        .should()
        .haveModifier(JavaModifier.FINAL)
        .check(classes);
  }

  @Test
  void publicSignaturesNeverExposeInternalTypes() {
    members()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(PUBLIC_PACKAGES)
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .and(
            DescribedPredicate.describe(
                "are public or protected",
                (JavaMember member) ->
                    member.getModifiers().contains(JavaModifier.PUBLIC)
                        || member.getModifiers().contains(JavaModifier.PROTECTED)))
        .should(notExposeInternalTypes())
        .check(classes);
  }

  private static ArchCondition<JavaMember> notExposeInternalTypes() {
    return new ArchCondition<>("not expose dev.lethe.internal types") {
      @Override
      public void check(JavaMember member, ConditionEvents events) {
        List<JavaType> signature = new ArrayList<>();
        if (member instanceof JavaField field) {
          signature.add(field.getType());
        } else if (member instanceof JavaCodeUnit codeUnit) {
          signature.add(codeUnit.getReturnType());
          signature.addAll(codeUnit.getParameterTypes());
        }
        signature.stream()
            .flatMap(type -> type.getAllInvolvedRawTypes().stream())
            .map(JavaClass::getName)
            .filter(name -> name.startsWith("dev.lethe.internal."))
            .forEach(
                name ->
                    events.add(
                        SimpleConditionEvent.violated(
                            member, member.getFullName() + " exposes the internal type " + name)));
      }
    };
  }
}
