package dev.lethe.internal.processing;

import static dev.lethe.internal.util.Texts.requireNonBlank;

import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Looks purposes and recipients up in the model, failing with a message that says what to fix. */
public final class Purposes {

  private Purposes() {}

  /**
   * The purpose called {@code name}.
   *
   * @throws IllegalArgumentException naming the purpose and the declared ones, if the model has none by that name
   */
  public static Purpose declared(PersonalDataModel model, String name) {
    requireNonBlank(name, "purpose");
    return model
        .purpose(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No purpose '"
                        + name
                        + "' is declared in the personal-data model; declared are "
                        + names(model.purposes())
                        + ". Fix: declare it with @Processing(purpose = \""
                        + name
                        + "\", basis = ...)."));
  }

  /**
   * The recipients the data of subjects of {@code subjectType} is disclosed to (Art. 19): those of
   * every purpose attributed to an entity that reaches the subject; an entity processed for no
   * purpose adds none.
   *
   * @throws IllegalArgumentException if the model has no such subject type
   */
  public static List<String> recipientsOf(PersonalDataModel model, String subjectType) {
    if (model.subjectType(subjectType).isEmpty()) {
      throw new IllegalArgumentException(
          "No subject type '"
              + subjectType
              + "' is declared in the personal-data model;"
              + " declared are "
              + model.subjectTypes().stream().map(type -> type.name()).toList());
    }
    Set<String> recipients = new LinkedHashSet<>();
    for (EntityDescriptor entity : model.entitiesOf(subjectType)) {
      // The model merges a purpose's recipients across entities: take the merged purpose.
      entity
          .purposes()
          .forEach(
              purpose ->
                  recipients.addAll(model.purpose(purpose.name()).orElse(purpose).recipients()));
    }
    return List.copyOf(recipients);
  }

  private static List<String> names(List<Purpose> purposes) {
    return purposes.stream().map(Purpose::name).toList();
  }
}
