package dev.lethe.model;

import static dev.lethe.model.ProblemText.BASIS_WITHOUT_LAW;
import static dev.lethe.model.ProblemText.CONSENT_WITHOUT_PURPOSE;
import static dev.lethe.model.ProblemText.DECISION_DESCRIBED_TWICE;
import static dev.lethe.model.ProblemText.DECISION_DESCRIBED_UNDECLARED;
import static dev.lethe.model.ProblemText.DECISION_ON_DISALLOWED_BASIS;
import static dev.lethe.model.ProblemText.DECISION_UNDESCRIBED;
import static dev.lethe.model.ProblemText.INTERESTS_WITHOUT_ASSESSMENT;
import static dev.lethe.model.ProblemText.PROCESSING_WITHOUT_PURPOSE;
import static dev.lethe.model.ProblemText.PURPOSE_OWNER_NAMES_NO_ONE_ROUTE;
import static dev.lethe.model.ProblemText.TWO_BASES;
import static dev.lethe.model.ProblemText.TWO_PURPOSE_LABELS;
import static dev.lethe.model.ProblemText.UNDECLARED_PURPOSE_NAMED;

import dev.lethe.annotation.ProcessedFor;
import dev.lethe.annotation.Processing;
import dev.lethe.law.LawfulBasis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Purposes and their lawful bases: each {@code @Processing} names its purpose (Art. 5(1)(b)) and a
 * complete basis (Art. 6), one purpose has one basis and one label wherever it is declared, a solely
 * automated decision is described and allowed (Art. 22), and {@code @ProcessedFor} names declared
 * purposes. Purposes are merged across the entities in the order they are declared.
 */
final class PurposeRules {

  /** The bases on which Art. 22(2) allows a solely automated decision: contract, law (a or b), consent (c). */
  private static final Set<LawfulBasis.Kind> AUTOMATED_DECISION_BASES =
      Set.of(
          LawfulBasis.Kind.CONTRACT,
          LawfulBasis.Kind.LEGAL_OBLIGATION,
          LawfulBasis.Kind.PUBLIC_TASK,
          LawfulBasis.Kind.CONSENT);

  private final Problems problems;
  private final Map<String, Purpose> merged = new LinkedHashMap<>();

  /** Labels declared for purposes, by purpose name: one purpose has one label. */
  private final Map<String, String> declaredLabels = new HashMap<>();

  PurposeRules(Problems problems) {
    this.problems = problems;
  }

  /** Every valid purpose declared so far, merged across the entities that declare it. */
  List<Purpose> merged() {
    return List.copyOf(merged.values());
  }

  /** The valid purposes {@code type} declares with {@code @Processing}, each merged into the others' declarations. */
  List<Purpose> declaredOn(Class<?> type) {
    List<Purpose> purposes = new ArrayList<>();
    String location = type.getName();
    for (Processing processing : type.getAnnotationsByType(Processing.class)) {
      if (processing.purpose().isBlank()) {
        problems.report(
            processing.basis() == LawfulBasis.Kind.CONSENT
                ? CONSENT_WITHOUT_PURPOSE
                : PROCESSING_WITHOUT_PURPOSE,
            location);
        continue;
      }
      Optional<LawfulBasis> basis = basisOf(processing, location);
      if (basis.isEmpty()) {
        continue;
      }
      Purpose purpose =
          new Purpose(
              processing.purpose(),
              basis.get(),
              List.of(processing.recipients()),
              automatedDecisionOf(processing, location),
              processing.label());
      purposes.add(purpose);
      merge(purpose, !processing.label().isBlank(), location);
    }
    return purposes;
  }

  private void merge(Purpose purpose, boolean labelled, String location) {
    Purpose known = merged.get(purpose.name());
    if (known == null) {
      merged.put(purpose.name(), purpose);
    } else if (!known.basis().equals(purpose.basis())) {
      problems.report(
          TWO_BASES, location, purpose.name(), purpose.basis().kind(), known.basis().kind());
    } else {
      String label = known.label();
      if (labelled) {
        String declared = declaredLabels.get(purpose.name());
        if (declared != null && !declared.equals(purpose.label())) {
          problems.report(TWO_PURPOSE_LABELS, location, purpose.name(), purpose.label(), declared);
        }
        label = purpose.label();
      }
      if (known.automatedDecision().isPresent()
          && purpose.automatedDecision().isPresent()
          && !known.automatedDecision().equals(purpose.automatedDecision())) {
        problems.report(DECISION_DESCRIBED_TWICE, location, purpose.name());
      }
      Set<String> recipients = new LinkedHashSet<>(known.recipients());
      recipients.addAll(purpose.recipients());
      merged.put(
          purpose.name(),
          new Purpose(
              known.name(),
              known.basis(),
              List.copyOf(recipients),
              known.automatedDecision().or(purpose::automatedDecision),
              label));
    }
    if (labelled) {
      declaredLabels.putIfAbsent(purpose.name(), purpose.label());
    }
  }

  private Optional<LawfulBasis> basisOf(Processing processing, String location) {
    String purpose = processing.purpose();
    return switch (processing.basis()) {
      case CONSENT -> Optional.of(LawfulBasis.consent());
      case CONTRACT -> Optional.of(LawfulBasis.contract());
      case VITAL_INTERESTS -> Optional.of(LawfulBasis.vitalInterests());
      case LEGAL_OBLIGATION, PUBLIC_TASK -> {
        if (processing.law().isBlank()) {
          problems.report(BASIS_WITHOUT_LAW, location, purpose, processing.basis());
          yield Optional.empty();
        }
        yield Optional.of(
            processing.basis() == LawfulBasis.Kind.PUBLIC_TASK
                ? LawfulBasis.publicTask(processing.law())
                : LawfulBasis.legalObligation(processing.law()));
      }
      case LEGITIMATE_INTERESTS -> {
        if (processing.interest().isBlank() || processing.assessment().isBlank()) {
          problems.report(INTERESTS_WITHOUT_ASSESSMENT, location, purpose);
          yield Optional.empty();
        }
        yield Optional.of(
            LawfulBasis.legitimateInterests(processing.interest(), processing.assessment()));
      }
    };
  }

  /**
   * The solely automated decision {@code processing} declares (Art. 22(1)): with its logic,
   * significance and consequences, which a notice and an access report must state (Art. 13(2)(f),
   * 15(1)(h)), and only on the bases Art. 22(2) allows.
   */
  private Optional<AutomatedDecision> automatedDecisionOf(Processing processing, String location) {
    String purpose = processing.purpose();
    boolean described =
        !processing.decisionLogic().isBlank()
            || !processing.decisionSignificance().isBlank()
            || !processing.decisionConsequences().isBlank();
    if (!processing.solelyAutomatedDecisions()) {
      if (described) {
        problems.report(DECISION_DESCRIBED_UNDECLARED, location, purpose);
      }
      return Optional.empty();
    }
    boolean complete = true;
    if (processing.decisionLogic().isBlank()
        || processing.decisionSignificance().isBlank()
        || processing.decisionConsequences().isBlank()) {
      problems.report(DECISION_UNDESCRIBED, location, purpose);
      complete = false;
    }
    if (!AUTOMATED_DECISION_BASES.contains(processing.basis())) {
      problems.report(DECISION_ON_DISALLOWED_BASIS, location, purpose, processing.basis());
      complete = false;
    }
    return complete
        ? Optional.of(
            new AutomatedDecision(
                processing.decisionLogic(),
                processing.decisionSignificance(),
                processing.decisionConsequences()))
        : Optional.empty();
  }

  /**
   * {@code entity} with the purposes its {@link ProcessedFor} names added, as merged across the
   * model: the one explicit way a purpose declared elsewhere reaches an entity's data (Art. 5(1)(b)).
   */
  EntityDescriptor withNamedPurposes(EntityDescriptor entity) {
    ProcessedFor[] declarations = entity.type().getAnnotationsByType(ProcessedFor.class);
    if (declarations.length == 0) {
      return entity;
    }
    Map<String, Purpose> attributed = new LinkedHashMap<>();
    entity.purposes().forEach(purpose -> attributed.put(purpose.name(), purpose));
    Map<String, String> owners = new LinkedHashMap<>();
    String location = entity.type().getName();
    for (ProcessedFor named : declarations) {
      Optional<String> owner =
          named.of().isBlank() ? Optional.empty() : ownerRoute(entity, named.of(), location);
      for (String name : named.value()) {
        Purpose purpose = merged.get(name);
        if (purpose == null) {
          problems.report(UNDECLARED_PURPOSE_NAMED, location, name, merged.keySet());
          continue;
        }
        attributed.putIfAbsent(name, purpose);
        owner.ifPresent(route -> owners.put(name, route));
      }
    }
    return new EntityDescriptor(
        entity.type(),
        entity.subjectRootOf(),
        entity.fields(),
        entity.retention(),
        List.copyOf(attributed.values()),
        entity.routes(),
        owners);
  }

  /** The name of {@code entity}'s one route that {@code of} names, as {@code @PersonalData(of = ...)} names owners. */
  private Optional<String> ownerRoute(EntityDescriptor entity, String of, String location) {
    List<SubjectRoute> matching = RouteFinder.routesNamed(entity.routes(), of);
    if (matching.size() != 1) {
      problems.report(
          PURPOSE_OWNER_NAMES_NO_ONE_ROUTE,
          location,
          of,
          ProblemText.routeCount(matching.size()),
          entity.name(),
          entity.routes().stream().map(SubjectRoute::name).toList());
      return Optional.empty();
    }
    return Optional.of(matching.get(0).name());
  }
}
