package dev.lethe.internal.rights;

import static java.util.Objects.requireNonNull;

import dev.lethe.access.Article15Information;
import dev.lethe.access.SubjectReport;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.Right;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Purpose;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.subject.SubjectIdentifier;
import dev.lethe.subject.SubjectKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes subject reports: the copy of a subject's data with the Art. 15 information, and the
 * portable export of Art. 20. Plans from the model; reads through the store.
 */
public final class SubjectReports {

  /** What every access report says about complaints (Art. 15(1)(f), Art. 77). */
  public static final String COMPLAINT =
      "You have the right to lodge a complaint with a supervisory authority,"
          + " in particular in the Member State of your habitual residence, place of work or of an alleged infringement"
          + " (Art. 77 GDPR).";

  private final PersonalDataModel model;
  private final PersonalDataStore store;
  private final Clock clock;
  private final List<Article15Information.TransferInfo> transfers;

  /** Reports over {@code model}'s entities, read from {@code store}, stamped by {@code clock}, naming no transfers. */
  public SubjectReports(PersonalDataModel model, PersonalDataStore store, Clock clock) {
    this(model, store, clock, List.of());
  }

  /**
   * Reports over {@code model}'s entities, read from {@code store}, stamped by {@code clock}, telling
   * each subject of the {@code transfers} to third countries of the recipients their purposes
   * disclose data to (Art. 15(2)); {@code Controller.transferInformation()} gives them.
   */
  public SubjectReports(
      PersonalDataModel model,
      PersonalDataStore store,
      Clock clock,
      List<Article15Information.TransferInfo> transfers) {
    this.model = requireNonNull(model, "model");
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.transfers = List.copyOf(requireNonNull(transfers, "transfers"));
  }

  /**
   * The Art. 15 report for the subject {@code identifier} names. An identity that matches nobody
   * gives a report that says no data is processed.
   *
   * @throws IllegalArgumentException if the model has no such subject type
   */
  public SubjectReport access(SubjectIdentifier identifier) {
    return report(identifier, SubjectReport.Scope.ACCESS);
  }

  /**
   * The Art. 20 export: only entities processed under consent or contract, and of those only the
   * attributes the subject provided or was observed generating.
   *
   * @throws IllegalArgumentException if the model has no such subject type
   */
  public SubjectReport portability(SubjectIdentifier identifier) {
    return report(identifier, SubjectReport.Scope.PORTABILITY);
  }

  private SubjectReport report(SubjectIdentifier identifier, SubjectReport.Scope scope) {
    requireNonNull(identifier, "identifier");
    String subjectType = identifier.subjectType();
    if (model.subjectType(subjectType).isEmpty()) {
      throw new IllegalArgumentException("The model has no subject type '" + subjectType + "'");
    }
    Set<SubjectKey> subjects = store.resolve(identifier);
    List<EntityDescriptor> entities =
        model.entitiesOf(subjectType).stream().filter(EntityDescriptor::holdsPersonalData).toList();
    List<SubjectReport.Section> sections = new ArrayList<>();
    for (EntityDescriptor entity : entities) {
      List<FieldDescriptor> fields =
          scope == SubjectReport.Scope.ACCESS
              ? entity.fieldsFor(subjectType)
              : portableFields(entity, subjectType);
      if (!fields.isEmpty()) {
        sections.add(new SubjectReport.Section(entity, fields));
      }
    }
    return new SubjectReport(
        subjectType,
        scope,
        clock.instant(),
        information(entities, subjectType),
        sections,
        subjects,
        store);
  }

  private List<FieldDescriptor> portableFields(EntityDescriptor entity, String subjectType) {
    boolean portableBasis =
        model.purposesOf(entity, subjectType).stream()
            .anyMatch(purpose -> purpose.basis().rights().contains(Right.PORTABILITY));
    return portableBasis
        ? entity.fieldsFor(subjectType).stream()
            .filter(field -> field.origin().isPortable())
            .toList()
        : List.of();
  }

  private Article15Information information(List<EntityDescriptor> entities, String subjectType) {
    Set<Purpose> purposes = new LinkedHashSet<>();
    Set<String> categories = new LinkedHashSet<>();
    List<Article15Information.RetentionInfo> retention = new ArrayList<>();
    Set<Article15Information.SourceInfo> sources = new LinkedHashSet<>();
    for (EntityDescriptor entity : entities) {
      purposes.addAll(model.purposesOf(entity, subjectType));
      for (FieldDescriptor field : entity.fieldsFor(subjectType)) {
        categories.add(field.category().label());
        if (field.origin() != DataOrigin.PROVIDED) {
          sources.add(
              new Article15Information.SourceInfo(
                  field.category().label(), field.origin(), field.source()));
        }
      }
      entity
          .retention()
          .ifPresent(
              policy ->
                  retention.add(new Article15Information.RetentionInfo(entity.name(), policy)));
    }
    Set<String> recipients = new LinkedHashSet<>();
    // The rights every basis opens hold even where no purpose is declared.
    Set<Right> rights =
        EnumSet.of(
            Right.BE_INFORMED,
            Right.ACCESS,
            Right.RECTIFICATION,
            Right.RESTRICTION,
            Right.LODGE_COMPLAINT);
    List<Article15Information.PurposeInfo> purposeInfos = new ArrayList<>();
    List<Article15Information.AutomatedDecisionInfo> automated = new ArrayList<>();
    for (Purpose purpose : purposes) {
      recipients.addAll(purpose.recipients());
      rights.addAll(purpose.basis().rights());
      LawfulBasis basis = purpose.basis();
      purposeInfos.add(
          new Article15Information.PurposeInfo(
              purpose.name(),
              basis.kind().title(),
              basis.kind().article(),
              basis instanceof LawfulBasis.LegitimateInterests interests
                  ? Optional.of(interests.interest())
                  : Optional.empty()));
      purpose
          .automatedDecision()
          .ifPresent(
              decision ->
                  automated.add(
                      new Article15Information.AutomatedDecisionInfo(purpose.name(), decision)));
    }
    List<Article15Information.TransferInfo> transferred =
        transfers.stream().filter(transfer -> recipients.contains(transfer.recipient())).toList();
    return new Article15Information(
        purposeInfos,
        List.copyOf(categories),
        List.copyOf(recipients),
        retention,
        List.copyOf(rights),
        COMPLAINT,
        List.copyOf(sources),
        automated,
        transferred);
  }
}
