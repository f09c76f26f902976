package dev.lethe.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

  @Test
  @DisplayName("The README's quick start builds the model it describes")
  void quickStart() {
    PersonalDataModel model = PersonalDataModel.scanPackages("dev.lethe.readme");

    assertThat(model.entitiesOf("customer"))
        .extracting(EntityDescriptor::type)
        .containsExactlyInAnyOrder(Customer.class, Order.class);
    assertThat(model.subjectType("customer").orElseThrow().idAttribute())
        .as("found through jakarta.persistence.Id")
        .isEqualTo("id");
    assertThat(model.purpose("newsletter").map(Purpose::recipients).orElseThrow())
        .containsExactly("email-host");
  }
}
