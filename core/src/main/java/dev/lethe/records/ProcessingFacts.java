package dev.lethe.records;

import static java.util.Objects.requireNonNull;

import dev.lethe.law.DataCategory;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.model.SubjectRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the model says per purpose, joined with the controller description, in one place: the
 * record of processing and the notice both read it, so they cannot disagree. Also lists the gaps,
 * the things the model leaves undeclared that a notice or record must state.
 *
 * @param model the model
 * @param controller the controller description
 * @param activities one activity per purpose, in the model's order
 * @param gaps what is undeclared, one sentence each
 */
record ProcessingFacts(
    PersonalDataModel model,
    Controller controller,
    List<ProcessingActivity> activities,
    List<String> gaps) {

  public ProcessingFacts {
    requireNonNull(model, "model");
    requireNonNull(controller, "controller");
    activities = List.copyOf(activities);
    gaps = List.copyOf(gaps);
  }

  /**
   * The facts of {@code model} under {@code controller}.
   *
   * @throws UnknownRecipientException listing every recipient that a purpose names and the controller does not describe
   */
  public static ProcessingFacts of(PersonalDataModel model, Controller controller) {
    requireNonNull(model, "model");
    requireNonNull(controller, "controller");
    requireDescribedRecipients(model, controller);
    List<ProcessingActivity> activities =
        model.purposes().stream().map(purpose -> activity(model, controller, purpose)).toList();
    return new ProcessingFacts(model, controller, activities, gaps(model, controller));
  }

  /** The label of {@code purpose} as people read it (Art. 12(1)): declared, or derived from its name. */
  public String purposeLabel(String purpose) {
    return model.purpose(purpose).map(Purpose::label).orElse(purpose);
  }

  /** The retention rule of {@code entity}, if it declares one. */
  public static Optional<RetentionRule> retentionOf(EntityDescriptor entity) {
    return entity
        .retention()
        .map(
            policy ->
                new RetentionRule(
                    entity.name(),
                    policy.period(),
                    policy.clockAttribute(),
                    policy.action(),
                    policy.reason()));
  }

  private static void requireDescribedRecipients(PersonalDataModel model, Controller controller) {
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    for (Purpose purpose : model.purposes()) {
      purpose.recipients().stream()
          .filter(name -> controller.recipient(name).isEmpty())
          .forEach(
              name ->
                  unknown
                      .computeIfAbsent(name, key -> new ArrayList<>())
                      .add("purpose '" + purpose.name() + "'"));
    }
    if (!unknown.isEmpty()) {
      throw new UnknownRecipientException(unknown);
    }
  }

  private static ProcessingActivity activity(
      PersonalDataModel model, Controller controller, Purpose purpose) {
    List<EntityDescriptor> entities = model.entitiesProcessedFor(purpose.name());
    List<String> subjectTypes =
        entities.stream()
            .flatMap(entity -> subjectTypesProcessedFor(entity, purpose))
            .distinct()
            .toList();
    List<DataCategory> categories =
        entities.stream()
            .flatMap(
                entity ->
                    subjectTypesProcessedFor(entity, purpose)
                        .flatMap(type -> entity.fieldsFor(type).stream()))
            .map(FieldDescriptor::category)
            .distinct()
            .toList();
    List<Recipient> recipients =
        purpose.recipients().stream()
            .map(name -> controller.recipient(name).orElseThrow())
            .toList();
    Set<String> recipientNames = Set.copyOf(purpose.recipients());
    List<Transfer> transfers =
        controller.transfers().stream()
            .filter(transfer -> recipientNames.contains(transfer.recipient()))
            .toList();
    List<RetentionRule> retention =
        entities.stream().map(ProcessingFacts::retentionOf).flatMap(Optional::stream).toList();
    return new ProcessingActivity(
        purpose.name(),
        purpose.basis(),
        entities.stream().map(EntityDescriptor::name).toList(),
        subjectTypes,
        categories,
        recipients,
        transfers,
        retention,
        controller.securityMeasures(),
        purpose.solelyAutomatedDecisions());
  }

  /** The subject types whose data in {@code entity} is processed for {@code purpose} (not limited to another's). */
  private static Stream<String> subjectTypesProcessedFor(EntityDescriptor entity, Purpose purpose) {
    return entity.routes().stream()
        .map(SubjectRoute::subjectType)
        .distinct()
        .filter(
            type ->
                entity.purposesFor(type).stream()
                    .anyMatch(own -> own.name().equals(purpose.name())));
  }

  private static List<String> gaps(PersonalDataModel model, Controller controller) {
    List<String> gaps = new ArrayList<>();
    for (EntityDescriptor entity : model.entities()) {
      if (!entity.holdsPersonalData()) {
        continue;
      }
      String reaches =
          entity.routes().stream()
              .map(SubjectRoute::subjectType)
              .distinct()
              .collect(Collectors.joining(", "));
      if (entity.purposes().isEmpty()) {
        gaps.add(
            entity.name()
                + " holds personal data of "
                + reaches
                + " but no purpose is attributed to it, so none"
                + " is stated for it (Art. 5(1)(b), Art. 13(1)(c), Art. 30(1)(b)): add @Processing with the purpose and"
                + " its basis, or @ProcessedFor naming a purpose declared elsewhere.");
      }
      if (entity.retention().isEmpty()) {
        gaps.add(
            entity.name()
                + " holds personal data of "
                + reaches
                + " but declares no retention period"
                + " (Art. 5(1)(e), Art. 13(2)(a), Art. 30(1)(f)): add @Retention with the period and its reason.");
      }
    }
    Set<String> used =
        model.purposes().stream()
            .flatMap(purpose -> purpose.recipients().stream())
            .collect(Collectors.toSet());
    controller.recipients().stream()
        .filter(recipient -> !used.contains(recipient.name()))
        .forEach(
            recipient ->
                gaps.add(
                    "Recipient '"
                        + recipient.name()
                        + "' is described, but no purpose names it"
                        + " (Art. 13(1)(e)): add it to @Processing(recipients = ...) where data is disclosed to it, or remove it."));
    controller.recipients().stream()
        .filter(Recipient::lacksProcessorContract)
        .forEach(
            recipient ->
                gaps.add(
                    "Processor '"
                        + recipient.name()
                        + "' has no contract recorded (Art. 28(3)):"
                        + " record its data processing agreement with Recipient.withContract(reference, date), or in the Spring"
                        + " Boot starter with its contract-reference and contract-date."));
    if (controller.securityMeasures().isEmpty()) {
      gaps.add(
          "The controller describes no security measures (Art. 30(1)(g), Art. 32): add them with"
              + " Controller.withSecurityMeasures.");
    }
    return gaps;
  }
}
