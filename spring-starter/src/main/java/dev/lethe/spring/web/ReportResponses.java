package dev.lethe.spring.web;

import dev.lethe.access.SubjectReport;
import dev.lethe.access.SubjectReportWriter;
import dev.lethe.request.RequestId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Subject reports as HTTP responses (Art. 15(3), Art. 20(1)): the rows stream from the store
 * straight into the response, never held in memory. The report is made before the response starts,
 * so a refusal still becomes a problem response rather than a broken download.
 */
final class ReportResponses {

  static final MediaType ZIP = MediaType.parseMediaType("application/zip");

  private ReportResponses() {}

  /** The report as a ZIP download of JSON, one CSV per entity type and a manifest; then {@code afterwards}. */
  static ResponseEntity<StreamingResponseBody> zip(
      RequestId id, SubjectReport report, Runnable afterwards) {
    return ResponseEntity.ok()
        .contentType(ZIP)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("lethe-report-" + id + ".zip")
                .build()
                .toString())
        .body(
            out -> {
              SubjectReportWriter.writeZip(report, out);
              afterwards.run();
            });
  }

  /** The report as one JSON document; then {@code afterwards}. */
  static ResponseEntity<StreamingResponseBody> json(SubjectReport report, Runnable afterwards) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            out -> {
              SubjectReportWriter.writeJson(report, out);
              afterwards.run();
            });
  }
}
