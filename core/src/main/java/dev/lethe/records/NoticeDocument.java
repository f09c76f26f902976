package dev.lethe.records;

import dev.lethe.law.DataCategory;
import dev.lethe.law.DataOrigin;
import dev.lethe.law.LawfulBasis;
import dev.lethe.law.Right;
import dev.lethe.model.EntityDescriptor;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.model.Labels;
import dev.lethe.model.PersonalDataModel;
import dev.lethe.model.Sensitivity;
import dev.lethe.model.SubjectType;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The information to give data subjects (Art. 13 and 14) as a document, from the same facts as the record. */
final class NoticeDocument {

  /** The rights a subject exercises by a request, which Art. 12(3)'s time limit applies to. */
  public static final Set<Right> REQUESTED_RIGHTS =
      EnumSet.of(
          Right.ACCESS,
          Right.RECTIFICATION,
          Right.ERASURE,
          Right.RESTRICTION,
          Right.PORTABILITY,
          Right.OBJECTION,
          Right.AUTOMATED_DECISIONS);

  private static final String DEFAULT_RESPONSE_TIME =
      "Within one month of receiving your request; where requests"
          + " are complex or numerous, by up to two further months, and we tell you so within the first month (Art. 12(3))";

  private final ProcessingFacts facts;
  private final Controller controller;
  private final PersonalDataModel model;
  private final Map<Right, Period> responseTimes;
  private final String version;
  private final Optional<LocalDate> date;

  private NoticeDocument(
      ProcessingFacts facts,
      Map<Right, Period> responseTimes,
      String version,
      Optional<LocalDate> date) {
    this.version = version;
    this.date = date;
    this.facts = facts;
    this.controller = facts.controller();
    this.model = facts.model();
    this.responseTimes = responseTimes;
  }

  /**
   * The notice for {@code facts}, with {@code responseTimes} instead of Art. 12(3)'s one month for
   * the rights named, stating its {@code version} and the {@code date} it applies from, if known.
   */
  public static Document build(
      ProcessingFacts facts,
      Map<Right, Period> responseTimes,
      String version,
      Optional<LocalDate> date) {
    return new NoticeDocument(facts, responseTimes, version, date).document();
  }

  private Document document() {
    List<Document.Section> sections = new ArrayList<>();
    sections.add(whoWeAre());
    sections.add(personalData());
    specialCategories().ifPresent(sections::add);
    sections.add(purposes());
    legitimateInterests().ifPresent(sections::add);
    sections.add(recipients());
    sections.add(transfers());
    sections.add(retention());
    sections.add(rights());
    withdrawingConsent().ifPresent(sections::add);
    sections.add(complaints());
    sections.add(automatedDecisions());
    sections.add(aboutThisNotice());
    return new Document("Privacy notice: " + controller.name(), sections);
  }

  private Document.Section whoWeAre() {
    List<Document.Block> blocks = new ArrayList<>();
    blocks.add(
        new Document.Paragraph(
            controller.name()
                + ", "
                + controller.address()
                + ", is the controller of your personal data: we decide why and how it is processed."));
    blocks.add(new Document.Bullets(contactLines()));
    blocks.add(
        new Document.Paragraph(
            controller
                .dataProtectionOfficer()
                .map(
                    dpo ->
                        "You can reach our data protection officer at "
                            + RecordFormats.contact(dpo)
                            + ".")
                .orElse(
                    "We have not designated a data protection officer; please use the contact details above.")));
    return new Document.Section("Who we are (Art. 13(1)(a) and (b))", blocks);
  }

  private List<String> contactLines() {
    List<String> lines = new ArrayList<>();
    lines.add("E-mail: " + controller.contact().email());
    controller.contact().phone().ifPresent(phone -> lines.add("Telephone: " + phone));
    return lines;
  }

  private Document.Section personalData() {
    List<Document.Block> blocks = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (SubjectType subjectType : model.subjectTypes()) {
      List<String> labels =
          fieldsOf(model.entitiesOf(subjectType.name())).stream()
              .map(field -> field.category().label())
              .distinct()
              .toList();
      if (!labels.isEmpty()) {
        rows.add(List.of(subjectType.name(), String.join(", ", labels)));
      }
    }
    blocks.add(
        new Document.Paragraph(
            "We hold these categories of personal data, listed by the people they are about."));
    blocks.add(new Document.Table(List.of("About", "Categories of personal data"), rows));
    Map<String, Set<String>> sources = new LinkedHashMap<>();
    for (EntityDescriptor entity : model.entities()) {
      for (FieldDescriptor field : entity.fields()) {
        if (field.origin() != DataOrigin.PROVIDED) {
          sources
              .computeIfAbsent(field.category().label(), label -> new LinkedHashSet<>())
              .add(
                  source(field.origin())
                      + field.source().map(named -> " (" + named + ")").orElse(""));
        }
      }
    }
    if (sources.isEmpty()) {
      blocks.add(
          new Document.Paragraph(
              "You give us all of this data yourself, or your organisation gives it to us."));
    } else {
      blocks.add(
          new Document.Paragraph(
              "Where the data comes from, when you do not give it to us yourself (Art. 14(2)(f)):"));
      blocks.add(
          new Document.Bullets(
              sources.entrySet().stream()
                  .map(entry -> entry.getKey() + ": " + String.join("; ", entry.getValue()))
                  .toList()));
    }
    if (sensitiveFields().isEmpty()) {
      blocks.add(
          new Document.Paragraph(
              "We hold no special categories of personal data (Art. 9) and no data about"
                  + " criminal convictions or offences (Art. 10)."));
    }
    return new Document.Section("The personal data we hold (Art. 13(1), Art. 14(1)(d))", blocks);
  }

  private static String source(DataOrigin origin) {
    return switch (origin) {
      case PROVIDED -> "given by you";
      case OBSERVED -> "observed from your use of our services";
      case DERIVED -> "derived by us from other data we hold";
      case INFERRED -> "inferred by us, for example by profiling";
      case PUBLICLY_AVAILABLE -> "taken from publicly accessible sources";
    };
  }

  private Optional<Document.Section> specialCategories() {
    List<String> items = new ArrayList<>();
    for (Map.Entry<FieldDescriptor, EntityDescriptor> entry : sensitiveFields()) {
      Sensitivity sensitivity = entry.getKey().sensitivity().orElseThrow();
      String condition =
          sensitivity.category().isCriminalOffenceData()
              ? "authorised by " + sensitivity.authorisedBy().orElse("law") + " (Art. 10)"
              : sensitivity
                  .condition()
                  .map(c -> c.title() + " (" + c.article() + ")")
                  .orElse("no condition declared");
      String about =
          entry.getValue().routes().stream()
              .map(route -> route.subjectType())
              .distinct()
              .collect(Collectors.joining(", "));
      items.add(
          sensitivity.category().dataCategory().label() + ", about " + about + ": " + condition);
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Document.Section(
            "Special categories of personal data (Art. 9, Art. 10)",
            List.of(
                new Document.Paragraph(
                    "We hold the following data that the law protects more strictly, each under the"
                        + " condition that permits it:"),
                new Document.Bullets(items))));
  }

  /** Each sensitive field with its entity; a list, since equal descriptors may sit in several entities. */
  private List<Map.Entry<FieldDescriptor, EntityDescriptor>> sensitiveFields() {
    return model.entities().stream()
        .flatMap(
            entity ->
                entity.fields().stream()
                    .filter(FieldDescriptor::isSensitive)
                    .map(field -> Map.entry(field, entity)))
        .toList();
  }

  private Document.Section purposes() {
    List<List<String>> rows =
        facts.activities().stream()
            .map(
                activity ->
                    List.of(
                        facts.purposeLabel(activity.purpose()),
                        basisCell(activity.basis()),
                        String.join(", ", activity.subjectTypes()),
                        activity.dataCategories().stream()
                            .map(DataCategory::label)
                            .distinct()
                            .collect(Collectors.joining(", "))))
            .toList();
    return new Document.Section(
        "Why we use it and our lawful basis (Art. 13(1)(c))",
        List.of(
            new Document.Paragraph(
                "We use your personal data only for these purposes, each on one lawful basis of"
                    + " Art. 6(1)."),
            new Document.Table(
                List.of("Purpose", "Lawful basis", "About", "Personal data"), rows)));
  }

  private static String basisCell(LawfulBasis basis) {
    String title = Phrases.basisTitle(basis);
    return basis.kind().needsLaw() ? title + "; " + Phrases.basisDetail(basis).orElse("") : title;
  }

  private Optional<Document.Section> legitimateInterests() {
    List<String> interests =
        facts.activities().stream()
            .filter(activity -> activity.basis() instanceof LawfulBasis.LegitimateInterests)
            .map(
                activity ->
                    ((LawfulBasis.LegitimateInterests) activity.basis()).interest()
                        + " (for: "
                        + facts.purposeLabel(activity.purpose())
                        + ")")
            .toList();
    if (interests.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Document.Section(
            "Our legitimate interests (Art. 13(1)(d))",
            List.of(
                new Document.Paragraph(
                    "Where we rely on legitimate interests, these are the interests we pursue. We have"
                        + " balanced each against your interests and rights, and you may object (Art. 21)."),
                new Document.Bullets(interests))));
  }

  private Document.Section recipients() {
    Map<Recipient, List<String>> purposesOf = new LinkedHashMap<>();
    for (Recipient recipient : controller.recipients()) {
      List<String> purposes =
          facts.activities().stream()
              .filter(activity -> activity.recipients().contains(recipient))
              .map(activity -> facts.purposeLabel(activity.purpose()))
              .toList();
      if (!purposes.isEmpty()) {
        purposesOf.put(recipient, purposes);
      }
    }
    if (purposesOf.isEmpty()) {
      return new Document.Section(
          "Who we share it with (Art. 13(1)(e))",
          List.of(new Document.Paragraph("We do not disclose your personal data to anyone else.")));
    }
    List<List<String>> rows =
        purposesOf.entrySet().stream()
            .map(
                entry ->
                    List.of(
                        entry.getKey().name(),
                        entry.getKey().description(),
                        entry.getKey().role().label(),
                        entry.getKey().country(),
                        String.join(", ", entry.getValue())))
            .toList();
    return new Document.Section(
        "Who we share it with (Art. 13(1)(e))",
        List.of(
            new Document.Paragraph(
                "We disclose personal data to these recipients. Processors act only on our"
                    + " instructions, under a contract (Art. 28)."),
            new Document.Table(
                List.of("Recipient", "What they do", "Role", "Country", "For"), rows)));
  }

  private Document.Section transfers() {
    String heading = "Transfers to other countries (Art. 13(1)(f))";
    if (controller.transfers().isEmpty()) {
      return new Document.Section(
          heading,
          List.of(
              new Document.Paragraph(
                  "We do not transfer your personal data to third countries or international organisations.")));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Transfer transfer : controller.transfers()) {
      rows.add(
          List.of(
              transfer.recipient(),
              transfer.country(),
              transfer.safeguard().title() + " (" + transfer.safeguard().article() + ")",
              transfer.reference()));
    }
    return new Document.Section(
        heading,
        List.of(
            new Document.Paragraph(
                "These recipients process personal data in a third country, under the safeguard"
                    + " shown. Ask us for a copy of it using the contact details above."),
            new Document.Table(
                List.of("Recipient", "Country", "Safeguard", "Where to find it"), rows)));
  }

  private Document.Section retention() {
    String heading = "How long we keep it (Art. 13(2)(a))";
    List<RetentionRule> rules =
        model.entities().stream()
            .map(ProcessingFacts::retentionOf)
            .flatMap(Optional::stream)
            .toList();
    if (rules.isEmpty()) {
      return new Document.Section(
          heading, List.of(new Document.Paragraph("No retention periods are declared yet.")));
    }
    List<List<String>> rows =
        rules.stream()
            .map(
                rule ->
                    List.of(Labels.fromName(rule.entity()), Phrases.keptFor(rule), rule.reason()))
            .toList();
    return new Document.Section(
        heading,
        List.of(
            new Document.Paragraph(
                "We keep personal data no longer than its purpose requires. These periods apply:"),
            new Document.Table(List.of("Data", "Kept for", "Why"), rows)));
  }

  private Document.Section rights() {
    String how = howToExercise();
    List<List<String>> rows = new ArrayList<>();
    for (Right right : Right.values()) {
      rows.add(
          List.of(
              right.title(),
              right.article(),
              appliesTo(right),
              how(right, how),
              responseTime(right)));
    }
    return new Document.Section(
        "Your rights (Art. 12 to 22, Art. 77)",
        List.of(
            new Document.Paragraph(
                "You have these rights over your personal data. To exercise one: "
                    + how
                    + ". We may"
                    + " ask you to confirm your identity first (Art. 12(6)). It is free of charge (Art. 12(5))."),
            new Document.Table(
                List.of("Right", "Article", "Applies to", "How to use it", "Response time"),
                rows)));
  }

  private String howToExercise() {
    return controller.rightsContact().orElseGet(this::contactShort);
  }

  private String appliesTo(Right right) {
    List<String> purposes =
        facts.activities().stream()
            .filter(activity -> activity.basis().rights().contains(right))
            .map(activity -> facts.purposeLabel(activity.purpose()))
            .toList();
    if (purposes.isEmpty()) {
      return "None of our current processing";
    }
    return purposes.size() == facts.activities().size()
        ? "All our processing"
        : String.join(", ", purposes);
  }

  private String how(Right right, String how) {
    return switch (right) {
      case BE_INFORMED -> "Read this notice; ask us about anything unclear: " + contactShort();
      case WITHDRAW_CONSENT -> how;
      case LODGE_COMPLAINT ->
          controller.supervisoryAuthority().name()
              + ", "
              + controller.supervisoryAuthority().website();
      default -> contactShort();
    };
  }

  private String contactShort() {
    return "e-mail "
        + controller.contact().email()
        + controller.contact().phone().map(phone -> " or call " + phone).orElse("");
  }

  private String responseTime(Right right) {
    Period override = responseTimes.get(right);
    if (override != null) {
      return "Within " + Phrases.period(override) + " of receiving your request";
    }
    if (REQUESTED_RIGHTS.contains(right)) {
      return DEFAULT_RESPONSE_TIME;
    }
    return switch (right) {
      case BE_INFORMED ->
          "When we collect your data, or within one month if it comes from elsewhere (Art. 14(3))";
      case WITHDRAW_CONSENT -> "Takes effect when you withdraw (Art. 7(3))";
      default -> "As the authority decides";
    };
  }

  private Optional<Document.Section> withdrawingConsent() {
    List<String> purposes =
        facts.activities().stream()
            .filter(activity -> activity.basis().kind() == LawfulBasis.Kind.CONSENT)
            .map(activity -> facts.purposeLabel(activity.purpose()))
            .toList();
    if (purposes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Document.Section(
            "Withdrawing consent (Art. 7(3))",
            List.of(
                new Document.Paragraph(
                    "Where we rely on your consent ("
                        + String.join(", ", purposes)
                        + "), you may withdraw it at any time, as"
                        + " easily as you gave it: "
                        + howToExercise()
                        + ". Withdrawing does not affect processing before it."))));
  }

  private Document.Section complaints() {
    return new Document.Section(
        "Complaints (Art. 77)",
        List.of(
            new Document.Paragraph(
                "If you are unhappy with how we handle your personal data, you have the right to lodge a complaint with the"
                    + " supervisory authority: "
                    + controller.supervisoryAuthority().name()
                    + " ("
                    + controller.supervisoryAuthority().website()
                    + ").")));
  }

  private Document.Section automatedDecisions() {
    String heading = "Automated decision-making (Art. 22, Art. 13(2)(f))";
    List<List<String>> rows =
        model.purposes().stream()
            .flatMap(
                purpose ->
                    purpose.automatedDecision().stream()
                        .map(
                            decision ->
                                List.of(
                                    purpose.label(),
                                    decision.logic(),
                                    decision.significance(),
                                    decision.consequences())))
            .toList();
    if (rows.isEmpty()) {
      return new Document.Section(
          heading,
          List.of(
              new Document.Paragraph(
                  "We take no decisions about you based solely on automated processing, including profiling.")));
    }
    return new Document.Section(
        heading,
        List.of(
            new Document.Paragraph(
                "These purposes involve decisions based solely on automated processing. For each, the"
                    + " logic involved, what it means for you and what may follow:"),
            new Document.Table(
                List.of("Purpose", "Logic involved", "Significance", "Envisaged consequences"),
                rows),
            new Document.Paragraph(
                "You may ask for a person to review such a decision, give your point of view and"
                    + " contest it (Art. 22(3)): "
                    + howToExercise()
                    + ".")));
  }

  private Document.Section aboutThisNotice() {
    return new Document.Section(
        "About this notice (Art. 7(1), 13(3))",
        List.of(
            new Document.Paragraph(
                "This is version "
                    + version
                    + date.map(applies -> ", which applies from " + applies).orElse("")
                    + ". A new purpose, recipient or category of personal data makes a new version, and where we rely on"
                    + " consent given under an earlier one, we ask for it again.")));
  }

  private static List<FieldDescriptor> fieldsOf(List<EntityDescriptor> entities) {
    return entities.stream().flatMap(entity -> entity.fields().stream()).toList();
  }
}
