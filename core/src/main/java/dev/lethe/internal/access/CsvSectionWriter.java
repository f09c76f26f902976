package dev.lethe.internal.access;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvSchema;

/** Streams rows into RFC 4180 CSV with a header row, with Jackson's CSV generator. */
public final class CsvSectionWriter {

  private static final CsvFactory CSV = new CsvFactory();

  private CsvSectionWriter() {}

  /** Writes a header of {@code columns} and one line per row to {@code out}, which stays open; returns the row count. */
  public static long write(
      List<String> columns, Stream<Map<String, @Nullable Object>> rows, OutputStream out) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    CsvSchema built = schema.build();
    ObjectWriteContext context =
        new ObjectWriteContext.Base() {
          @Override
          public FormatSchema getSchema() {
            return built;
          }
        };
    AtomicLong count = new AtomicLong();
    try (JsonGenerator csv =
        CSV.createGenerator(context, new NonClosingOutputStream(out), JsonEncoding.UTF8)) {
      rows.forEach(
          values -> {
            csv.writeStartObject();
            for (String column : columns) {
              Object value = values.get(column);
              csv.writeName(column);
              if (value == null) {
                csv.writeNull();
              } else {
                csv.writeString(JsonValues.text(value));
              }
            }
            csv.writeEndObject();
            count.incrementAndGet();
          });
    }
    return count.get();
  }
}
