package dev.lethe.access;

import static java.util.Objects.requireNonNull;

import dev.lethe.access.SubjectReport.Section;
import dev.lethe.internal.access.CsvSectionWriter;
import dev.lethe.internal.access.JsonValues;
import dev.lethe.internal.access.NonClosingOutputStream;
import dev.lethe.model.FieldDescriptor;
import dev.lethe.spi.PersonalDataStore;
import dev.lethe.spi.RecordValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a {@link SubjectReport} in a commonly used electronic form (Art. 15(3)) and in a
 * structured, machine-readable one (Art. 20(1)): JSON, or a ZIP holding the JSON, one CSV per
 * entity type and a manifest. Rows stream from the store straight into the output, the sections one
 * after another in one reading of the store ({@link PersonalDataStore#readingTogether}):
 * on a database, one transaction for the whole report rather than one per section.
 */
public final class SubjectReportWriter {

  /** The JSON document's name inside the ZIP. */
  public static final String JSON_ENTRY = "report.json";

  /** The manifest's name inside the ZIP. */
  public static final String MANIFEST_ENTRY = "manifest.json";

  private static final JsonFactory JSON = new JsonFactory();

  private SubjectReportWriter() {}

  /**
   * Writes the report as one JSON document to {@code out}, which stays open. The participants'
   * reports it holds are forgotten afterwards: a report that holds them is written once.
   */
  public static void writeJson(SubjectReport report, OutputStream out) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    write(
        report,
        () -> {
          writeDocument(report, out);
          return null;
        });
  }

  /**
   * Runs {@code writing} in one reading of the report's store, then forgets the participants'
   * reports. A failed output comes out as the {@link IOException} it was: Jackson 3 reports it
   * unchecked, and a caller that hands in a stream (an HTTP response, say) catches the checked one.
   */
  private static void write(
      SubjectReport report, PersonalDataStore.ReadWork<Void, IOException> writing)
      throws IOException {
    try {
      report.readingTogether(writing);
    } catch (JacksonIOException e) {
      throw e.getCause();
    } finally {
      report.participantSections().forget();
    }
  }

  private static void writeDocument(SubjectReport report, OutputStream out) throws IOException {
    try (JsonGenerator json =
        JSON.createGenerator(ObjectWriteContext.empty(), keepOpen(out), JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringProperty("subjectType", report.subjectType());
      json.writeStringProperty("scope", report.scope().name());
      json.writeStringProperty("article", report.scope().article());
      json.writeStringProperty("generatedAt", report.generatedAt().toString());
      json.writeBooleanProperty("processesPersonalData", report.processesPersonalData());
      writeInformation(json, report.information());
      json.writeObjectPropertyStart("data");
      for (Section section : report.sections()) {
        json.writeArrayPropertyStart(section.name());
        try (Stream<Map<String, @Nullable Object>> rows = report.values(section)) {
          rows.forEach(new RowWriter(json));
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      ParticipantSections participants = report.participantSections();
      if (!participants.participants().isEmpty()) {
        // Each participant's report as it wrote it: one JSON document per service holding a share,
        // copied chunk by chunk.
        json.writeObjectPropertyStart("participants");
        for (String participant : participants.participants()) {
          json.writeName(participant);
          boolean[] started = {false};
          participants.read(
              participant,
              chunk -> {
                if (started[0]) {
                  json.writeRaw(chunk);
                } else {
                  json.writeRawValue(chunk);
                  started[0] = true;
                }
              });
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    }
  }

  /**
   * Writes the report as a ZIP to {@code out}, which stays open: {@value #JSON_ENTRY}, one
   * {@code <Entity>.csv} per section with a header row, {@code participants/<name>.json} per
   * participant's report, and {@value #MANIFEST_ENTRY} listing each file with its row count. The
   * participants' reports it holds are forgotten afterwards: a report that holds them is written once.
   */
  public static void writeZip(SubjectReport report, OutputStream out) throws IOException {
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    // The JSON document and the CSV files read the sections twice: all in one reading.
    write(
        report,
        () -> {
          writeZipEntries(report, out);
          return null;
        });
  }

  private static void writeZipEntries(SubjectReport report, OutputStream out) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(keepOpen(out));
    zip.putNextEntry(new ZipEntry(JSON_ENTRY));
    writeDocument(report, zip);
    zip.closeEntry();
    Map<String, Long> rowsPerFile = new LinkedHashMap<>();
    for (Section section : report.sections()) {
      String file = section.name() + ".csv";
      zip.putNextEntry(new ZipEntry(file));
      try (Stream<Map<String, @Nullable Object>> rows = report.values(section)) {
        rowsPerFile.put(
            file,
            CsvSectionWriter.write(
                section.fields().stream().map(FieldDescriptor::name).toList(), rows, zip));
      }
      zip.closeEntry();
    }
    List<String> participantFiles = new ArrayList<>();
    ParticipantSections participants = report.participantSections();
    for (String participant : participants.participants()) {
      String file = "participants/" + participant + ".json";
      zip.putNextEntry(new ZipEntry(file));
      try {
        participants.read(
            participant,
            chunk -> {
              try {
                zip.write(chunk.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      zip.closeEntry();
      participantFiles.add(file);
    }
    zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
    try (JsonGenerator json =
        JSON.createGenerator(ObjectWriteContext.empty(), keepOpen(zip), JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringProperty("subjectType", report.subjectType());
      json.writeStringProperty("scope", report.scope().name());
      json.writeStringProperty("generatedAt", report.generatedAt().toString());
      json.writeArrayPropertyStart("files");
      json.writeStartObject();
      json.writeStringProperty("name", JSON_ENTRY);
      json.writeStringProperty(
          "content", "The whole report: the Art. 15(1) information and every row");
      json.writeEndObject();
      for (Map.Entry<String, Long> file : rowsPerFile.entrySet()) {
        json.writeStartObject();
        json.writeStringProperty("name", file.getKey());
        json.writeNumberProperty("rows", file.getValue());
        json.writeEndObject();
      }
      for (String file : participantFiles) {
        json.writeStartObject();
        json.writeStringProperty("name", file);
        json.writeStringProperty(
            "content", "The report of a service that holds a share of the data");
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    zip.closeEntry();
    zip.finish();
  }

  private static void writeInformation(JsonGenerator json, Article15Information information) {
    json.writeObjectPropertyStart("information");
    json.writeArrayPropertyStart("purposes");
    for (Article15Information.PurposeInfo purpose : information.purposes()) {
      json.writeStartObject();
      json.writeStringProperty("purpose", purpose.purpose());
      json.writeStringProperty("basis", purpose.basis());
      json.writeStringProperty("article", purpose.article());
      purpose
          .legitimateInterest()
          .ifPresent(interest -> json.writeStringProperty("legitimateInterest", interest));
      json.writeEndObject();
    }
    json.writeEndArray();
    writeStrings(json, "categories", information.categories());
    writeStrings(json, "recipients", information.recipients());
    json.writeArrayPropertyStart("retention");
    for (Article15Information.RetentionInfo retention : information.retention()) {
      json.writeStartObject();
      json.writeStringProperty("entity", retention.entity());
      json.writeStringProperty("period", retention.policy().period().toString());
      json.writeStringProperty("action", retention.policy().action().name());
      json.writeStringProperty("reason", retention.policy().reason());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayPropertyStart("rights");
    information
        .rights()
        .forEach(
            right -> {
              json.writeStartObject();
              json.writeStringProperty("right", right.title());
              json.writeStringProperty("article", right.article());
              json.writeEndObject();
            });
    json.writeEndArray();
    json.writeStringProperty("complaint", information.complaint());
    json.writeArrayPropertyStart("sources");
    information
        .sources()
        .forEach(
            source -> {
              json.writeStartObject();
              json.writeStringProperty("category", source.category());
              json.writeStringProperty("origin", source.origin().name());
              source.source().ifPresent(named -> json.writeStringProperty("source", named));
              json.writeEndObject();
            });
    json.writeEndArray();
    json.writeArrayPropertyStart("automatedDecisions");
    information
        .automatedDecisions()
        .forEach(
            automated -> {
              json.writeStartObject();
              json.writeStringProperty("purpose", automated.purpose());
              json.writeStringProperty("logic", automated.decision().logic());
              json.writeStringProperty("significance", automated.decision().significance());
              json.writeStringProperty("consequences", automated.decision().consequences());
              json.writeStringProperty(
                  "rights",
                  "You may obtain human intervention, express your point of view and contest"
                      + " the decision (Art. 22(3)).");
              json.writeEndObject();
            });
    json.writeEndArray();
    json.writeArrayPropertyStart("transfers");
    information
        .transfers()
        .forEach(
            transfer -> {
              json.writeStartObject();
              json.writeStringProperty("recipient", transfer.recipient());
              json.writeStringProperty("country", transfer.country());
              json.writeStringProperty("safeguard", transfer.safeguard());
              json.writeStringProperty("article", transfer.article());
              json.writeStringProperty("reference", transfer.reference());
              json.writeEndObject();
            });
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String name, Iterable<String> values) {
    json.writeArrayPropertyStart(name);
    values.forEach(json::writeString);
    json.writeEndArray();
  }

  /** Writes each row as a JSON object; the attribute names of a row layout are encoded once, not per row. */
  private static final class RowWriter implements Consumer<Map<String, @Nullable Object>> {
    private final JsonGenerator json;
    private RecordValues.@Nullable Layout layout;
    private SerializableString[] names = new SerializableString[0];

    RowWriter(JsonGenerator json) {
      this.json = json;
    }

    @Override
    public void accept(Map<String, @Nullable Object> values) {
      json.writeStartObject();
      if (values instanceof RecordValues row) {
        if (row.layout() != layout) {
          layout = row.layout();
          names =
              layout.names().stream().map(SerializedString::new).toArray(SerializableString[]::new);
        }
        for (int i = 0; i < names.length; i++) {
          json.writeName(names[i]);
          JsonValues.write(json, row.value(i));
        }
      } else {
        values.forEach(
            (attribute, value) -> {
              json.writeName(attribute);
              JsonValues.write(json, value);
            });
      }
      json.writeEndObject();
    }
  }

  /** The caller owns {@code out}: closing a generator or the ZIP must not close it. */
  private static OutputStream keepOpen(OutputStream out) {
    return new NonClosingOutputStream(out);
  }
}
