package dev.lethe.records;

import dev.lethe.erasure.OtherCopy;
import dev.lethe.law.DataCategory;
import dev.lethe.law.LawfulBasis;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** The record of processing activities (Art. 30(1)) as a document, as JSON and as CSV. */
final class RecordFormats {

  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private static final List<String> CSV_HEADER =
      List.of(
          "Purpose",
          "Purpose label",
          "Lawful basis",
          "Categories of data subjects",
          "Categories of personal data",
          "Recipients",
          "Third-country transfers",
          "Time limits for erasure",
          "Security measures",
          "Solely automated decisions",
          "Controller",
          "Controller contact",
          "Data protection officer");

  /** The heading of the copies the store found and cannot erase (Art. 17(2), 30(1)). */
  static final String OTHER_COPIES_HEADING =
      "Other copies, out of erasure's reach (Art. 17(1), 17(2))";

  private RecordFormats() {}

  /** The record as a document, for Markdown. */
  public static Document document(ProcessingFacts facts, List<OtherCopy> otherCopies) {
    Controller controller = facts.controller();
    List<Document.Section> sections = new ArrayList<>();
    sections.add(
        new Document.Section(
            "Controller (Art. 30(1)(a))",
            List.of(
                new Document.Bullets(
                    List.of(
                        "Name: " + controller.name(),
                        "Address: " + controller.address(),
                        "Contact: " + contact(controller.contact()),
                        "Data protection officer: "
                            + controller
                                .dataProtectionOfficer()
                                .map(RecordFormats::contact)
                                .orElse("none designated"),
                        "Supervisory authority: "
                            + controller.supervisoryAuthority().name()
                            + " ("
                            + controller.supervisoryAuthority().website()
                            + ")")))));
    for (ProcessingActivity activity : facts.activities()) {
      List<String> items = new ArrayList<>();
      String purpose = facts.purposeLabel(activity.purpose());
      items.add("Purpose (Art. 30(1)(b)): " + purpose);
      items.add("Lawful basis (Art. 6(1)): " + Phrases.basis(activity.basis()));
      items.add(
          "Categories of data subjects (Art. 30(1)(c)): "
              + Phrases.listOrNone(activity.subjectTypes(), "none"));
      items.add(
          "Categories of personal data (Art. 30(1)(c)): "
              + Phrases.listOrNone(labels(activity), "none"));
      items.add("Recipients (Art. 30(1)(d)): " + Phrases.listOrNone(recipients(activity), "none"));
      items.add(
          "Transfers to third countries (Art. 30(1)(e)): "
              + Phrases.listOrNone(transfers(activity), "none"));
      items.add(
          "Time limits for erasure (Art. 30(1)(f)): "
              + Phrases.listOrNone(
                  activity.erasureTimeLimits().stream().map(Phrases::retentionInWords).toList(),
                  "none declared"));
      items.add(
          "Security measures (Art. 30(1)(g)): "
              + Phrases.listOrNone(activity.securityMeasures(), "none described"));
      items.add(
          "Solely automated decisions (Art. 22): "
              + Phrases.yesNo(activity.solelyAutomatedDecisions()));
      items.add("Entities: " + String.join(", ", activity.entities()));
      sections.add(
          new Document.Section(
              "Processing activity: " + purpose, List.of(new Document.Bullets(items))));
    }
    if (!otherCopies.isEmpty()) {
      sections.add(
          new Document.Section(
              OTHER_COPIES_HEADING,
              List.of(
                  new Document.Table(
                      List.of("Kind", "Where", "Why erasure cannot reach it", "What to do"),
                      otherCopies.stream()
                          .map(
                              copy ->
                                  List.of(copy.kind().name(), copy.where(), copy.why(), copy.fix()))
                          .toList()))));
    }
    if (!facts.gaps().isEmpty()) {
      sections.add(
          new Document.Section(
              "Gaps in the declarations", List.of(new Document.Bullets(facts.gaps()))));
    }
    return new Document("Record of processing activities: " + controller.name(), sections);
  }

  /** Writes the record as one JSON object, pretty-printed; {@code out} stays open. */
  public static void writeJson(ProcessingFacts facts, List<OtherCopy> otherCopies, Writer out)
      throws IOException {
    try {
      writeJsonObject(facts, otherCopies, out);
    } catch (JacksonIOException e) {
      // Jackson 3 reports I/O failures unchecked; the writers' contract is a plain IOException.
      throw e.getCause();
    }
    out.write('\n');
  }

  private static void writeJsonObject(
      ProcessingFacts facts, List<OtherCopy> otherCopies, Writer out) {
    ObjectWriteContext pretty =
        new ObjectWriteContext.Base() {
          @Override
          public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
          }

          @Override
          public boolean hasPrettyPrinter() {
            return true;
          }
        };
    try (JsonGenerator json = JSON.createGenerator(pretty, out)) {
      Controller controller = facts.controller();
      json.writeStartObject();
      json.writeObjectPropertyStart("controller");
      json.writeStringProperty("name", controller.name());
      json.writeStringProperty("address", controller.address());
      json.writeName("contact");
      writeContact(json, controller.contact());
      json.writeName("dataProtectionOfficer");
      if (controller.dataProtectionOfficer().isPresent()) {
        writeContact(json, controller.dataProtectionOfficer().get());
      } else {
        json.writeNull();
      }
      json.writeObjectPropertyStart("supervisoryAuthority");
      json.writeStringProperty("name", controller.supervisoryAuthority().name());
      json.writeStringProperty("website", controller.supervisoryAuthority().website().toString());
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayPropertyStart("activities");
      for (ProcessingActivity activity : facts.activities()) {
        writeActivity(json, facts, activity);
      }
      json.writeEndArray();
      json.writeArrayPropertyStart("otherCopies");
      for (OtherCopy copy : otherCopies) {
        json.writeStartObject();
        json.writeStringProperty("kind", copy.kind().name());
        json.writeStringProperty("where", copy.where());
        json.writeStringProperty("why", copy.why());
        json.writeStringProperty("fix", copy.fix());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayPropertyStart("gaps");
      for (String gap : facts.gaps()) {
        json.writeString(gap);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Writes the record as CSV (RFC 4180): a header, then one row per activity, lines ending in CRLF. */
  public static void writeCsv(ProcessingFacts facts, Writer out) throws IOException {
    writeCsvRow(out, CSV_HEADER);
    Controller controller = facts.controller();
    for (ProcessingActivity activity : facts.activities()) {
      writeCsvRow(
          out,
          List.of(
              activity.purpose(),
              facts.purposeLabel(activity.purpose()),
              Phrases.basis(activity.basis()),
              String.join("; ", activity.subjectTypes()),
              String.join("; ", labels(activity)),
              String.join("; ", recipients(activity)),
              String.join("; ", transfers(activity)),
              String.join("; ", timeLimits(activity)),
              String.join("; ", activity.securityMeasures()),
              Phrases.yesNo(activity.solelyAutomatedDecisions()),
              controller.name() + ", " + controller.address(),
              contact(controller.contact()),
              controller.dataProtectionOfficer().map(RecordFormats::contact).orElse("")));
    }
  }

  /** {@code Name, e-mail, telephone}, with what is there. */
  public static String contact(Contact contact) {
    List<String> parts = new ArrayList<>();
    contact.name().ifPresent(parts::add);
    parts.add(contact.email());
    contact.phone().ifPresent(parts::add);
    return String.join(", ", parts);
  }

  private static List<String> labels(ProcessingActivity activity) {
    return activity.dataCategories().stream().map(DataCategory::label).distinct().toList();
  }

  private static List<String> recipients(ProcessingActivity activity) {
    return activity.recipients().stream().map(Phrases::recipient).toList();
  }

  private static List<String> transfers(ProcessingActivity activity) {
    return activity.transfers().stream().map(Phrases::transfer).toList();
  }

  private static List<String> timeLimits(ProcessingActivity activity) {
    return activity.erasureTimeLimits().stream().map(Phrases::retention).toList();
  }

  private static void writeCsvRow(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(Escape.csv(fields.get(i)));
    }
    out.write("\r\n");
  }

  private static void writeContact(JsonGenerator json, Contact contact) {
    json.writeStartObject();
    writeOptional(json, "name", contact.name());
    json.writeStringProperty("email", contact.email());
    writeOptional(json, "phone", contact.phone());
    json.writeEndObject();
  }

  private static void writeActivity(
      JsonGenerator json, ProcessingFacts facts, ProcessingActivity activity) {
    json.writeStartObject();
    json.writeStringProperty("purpose", activity.purpose());
    json.writeStringProperty("purposeLabel", facts.purposeLabel(activity.purpose()));
    writeBasis(json, activity.basis());
    writeStrings(json, "entities", activity.entities());
    writeStrings(json, "subjectTypes", activity.subjectTypes());
    json.writeArrayPropertyStart("dataCategories");
    for (DataCategory category : activity.dataCategories()) {
      json.writeStartObject();
      json.writeStringProperty("code", category.code());
      json.writeStringProperty("label", category.label());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("recipients");
    for (Recipient recipient : activity.recipients()) {
      json.writeStartObject();
      json.writeStringProperty("name", recipient.name());
      json.writeStringProperty("role", recipient.role().name());
      json.writeStringProperty("description", recipient.description());
      json.writeStringProperty("country", recipient.country());
      recipient
          .contract()
          .ifPresent(
              contract -> {
                json.writeStringProperty("contract", contract.reference());
                json.writeStringProperty("contractConcludedOn", contract.concludedOn().toString());
              });
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("transfers");
    for (Transfer transfer : activity.transfers()) {
      json.writeStartObject();
      json.writeStringProperty("recipient", transfer.recipient());
      json.writeStringProperty("country", transfer.country());
      json.writeStringProperty("safeguard", transfer.safeguard().name());
      json.writeStringProperty("article", transfer.safeguard().article());
      json.writeStringProperty("reference", transfer.reference());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("erasureTimeLimits");
    for (RetentionRule rule : activity.erasureTimeLimits()) {
      json.writeStartObject();
      json.writeStringProperty("entity", rule.entity());
      json.writeStringProperty("period", rule.period().toString());
      json.writeStringProperty("clock", rule.clock());
      json.writeStringProperty("action", rule.action().name());
      json.writeStringProperty("reason", rule.reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeStrings(json, "securityMeasures", activity.securityMeasures());
    json.writeBooleanProperty("solelyAutomatedDecisions", activity.solelyAutomatedDecisions());
    json.writeEndObject();
  }

  private static void writeBasis(JsonGenerator json, LawfulBasis basis) {
    json.writeObjectPropertyStart("basis");
    json.writeStringProperty("kind", basis.kind().name());
    json.writeStringProperty("article", basis.kind().article());
    json.writeStringProperty("title", basis.kind().title());
    if (basis instanceof LawfulBasis.LegalObligation obligation) {
      json.writeStringProperty("law", obligation.law());
    } else if (basis instanceof LawfulBasis.PublicTask task) {
      json.writeStringProperty("law", task.law());
    } else if (basis instanceof LawfulBasis.LegitimateInterests interests) {
      json.writeStringProperty("interest", interests.interest());
      json.writeStringProperty("assessment", interests.assessmentRef());
    }
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, List<String> values) {
    json.writeArrayPropertyStart(name);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeOptional(JsonGenerator json, String name, Optional<String> value) {
    if (value.isPresent()) {
      json.writeStringProperty(name, value.get());
    } else {
      json.writeNullProperty(name);
    }
  }
}
