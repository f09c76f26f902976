package dev.lethe.law;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DataCategoryTest {

  @Test
  @DisplayName("Art. 30(1)(c): the built-ins cover the seed's data")
  void seedCategories() {
    assertThat(DataCategory.builtIns())
        .contains(
            DataCategory.NAME,
            DataCategory.EMAIL,
            DataCategory.POSTAL_ADDRESS,
            DataCategory.JOB_TITLE,
            DataCategory.COMPANY,
            DataCategory.IP_ADDRESS,
            DataCategory.PHONE);
  }

  @Test
  @DisplayName(
      "Art. 9(1) and Art. 10: every sensitive category maps to a built-in sensitive data category")
  void sensitiveCategoriesAreBuiltIn() {
    assertThat(Arrays.stream(SensitiveCategory.values()).map(SensitiveCategory::dataCategory))
        .allSatisfy(
            category -> {
              assertThat(category.isBuiltIn()).isTrue();
              assertThat(category.isSensitive()).isTrue();
            })
        .doesNotHaveDuplicates();
    assertThat(DataCategory.EMAIL.isSensitive()).isFalse();
  }

  @Test
  @DisplayName("Parents and children follow the dots; user-defined categories join the hierarchy")
  void hierarchy() {
    DataCategory workEmail = DataCategory.of("contact.email.work");
    assertThat(workEmail.parent()).contains(DataCategory.EMAIL);
    assertThat(workEmail.isWithin(DataCategory.CONTACT)).isTrue();
    assertThat(workEmail.isBuiltIn()).isFalse();
    assertThat(workEmail.label()).isEqualTo("Work");
    assertThat(DataCategory.CONTACT.parent()).isEmpty();
    assertThat(DataCategory.of("contactx").isWithin(DataCategory.CONTACT)).isFalse();
    assertThat(
            DataCategory.CONTACT.childrenAmong(
                List.of(DataCategory.EMAIL, workEmail, DataCategory.PHONE, DataCategory.NAME)))
        .containsExactly(DataCategory.EMAIL, DataCategory.PHONE);
    assertThat(DataCategory.builtIns())
        .allSatisfy(
            category ->
                category
                    .parent()
                    .ifPresent(
                        parent ->
                            assertThat(DataCategory.builtIns().indexOf(parent))
                                .as("parent of %s is built in and listed first", category)
                                .isBetween(0, DataCategory.builtIns().indexOf(category))));
  }

  @Test
  @DisplayName("A malformed code is refused with a message naming it")
  void malformedCode() {
    assertThatThrownBy(() -> DataCategory.of("Contact Email"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'Contact Email'");
    assertThatThrownBy(() -> DataCategory.of("contact..email"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  @Label(
      "Every ancestor of a category contains it, and it lies within nothing that is not an ancestor")
  void withinIsAncestry(@ForAll("codes") String code) {
    DataCategory category = DataCategory.of(code);
    for (DataCategory ancestor = category; ; ancestor = ancestor.parent().orElseThrow()) {
      assertThat(category.isWithin(ancestor)).isTrue();
      if (ancestor.parent().isEmpty()) {
        break;
      }
    }
    assertThat(category.isWithin(DataCategory.of(code + "x"))).isFalse();
  }

  @Provide
  Arbitrary<String> codes() {
    Arbitrary<String> segment =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
    return segment.list().ofMinSize(1).ofMaxSize(5).map(segments -> String.join(".", segments));
  }
}
