package dev.lethe.testing;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** A subject's report (Art. 15(3), 20(1)) as {@link SubjectReportWriter} writes it, for tests to read. */
public final class WrittenReports {

  private WrittenReports() {}

  /** The report written as JSON. */
  public static String json(SubjectReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SubjectReportWriter.writeJson(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Each entry of the report written as a ZIP, by name, in the ZIP's order. */
  public static Map<String, String> zipEntries(SubjectReport report) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SubjectReportWriter.writeZip(report, out);
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
