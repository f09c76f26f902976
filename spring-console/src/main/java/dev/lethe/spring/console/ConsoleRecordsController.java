package dev.lethe.spring.console;

import dev.lethe.model.PersonalDataModel;
import dev.lethe.records.PrivacyNotice;
import dev.lethe.records.RecordOfProcessing;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The records people can read (Art. 30, 13/14): the record of processing as an HTML page, the data
 * map as a diagram drawn on the server, the privacy notice; each downloadable: the record as HTML,
 * Markdown, CSV and JSON, the diagram as SVG, the notice as HTML and Markdown.
 *
 * <p>The record's HTML is lethe-core's Markdown rendered by commonmark-java, with raw HTML escaped:
 * one writer, in core, decides what the record says, and the page cannot drift from the document.
 */
@Controller
@RequestMapping("${lethe.console.base-path:/lethe/console}/records")
class ConsoleRecordsController {

  private static final List<Extension> TABLES = List.of(TablesExtension.create());
  private static final Parser MARKDOWN = Parser.builder().extensions(TABLES).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(TABLES).escapeHtml(true).build();
  private static final MediaType MARKDOWN_TYPE =
      MediaType.parseMediaType("text/markdown;charset=UTF-8");
  private static final MediaType CSV_TYPE = MediaType.parseMediaType("text/csv;charset=UTF-8");
  private static final MediaType SVG_TYPE = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

  private final RecordOfProcessing record;
  private final PrivacyNotice notice;
  private final PersonalDataModel model;

  ConsoleRecordsController(
      RecordOfProcessing record, PrivacyNotice notice, PersonalDataModel model) {
    this.record = record;
    this.notice = notice;
    this.model = model;
  }

  @GetMapping
  String records(Model page) {
    page.addAttribute("gaps", record.gaps());
    return "lethe-console/records";
  }

  @GetMapping("/article-30")
  String article30(Model page) throws IOException {
    page.addAttribute("html", article30Html());
    return "lethe-console/article-30";
  }

  @GetMapping("/data-map")
  String dataMap(Model page) {
    page.addAttribute("svg", DataMapSvg.of(model));
    page.addAttribute("entities", model.entities().size());
    return "lethe-console/data-map";
  }

  @GetMapping("/article-30.html")
  ResponseEntity<String> article30Document() throws IOException {
    String title = "Record of processing activities: " + record.controller().name();
    String document =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + HtmlUtils.htmlEscape(title, "UTF-8")
            + "</title><style>"
            + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}"
            + "table{border-collapse:collapse}td,th{border:1px solid #767676;padding:.25rem .5rem;text-align:left;"
            + "vertical-align:top}</style></head><body>\n"
            + article30Html()
            + "</body></html>\n";
    return download(
        document, MediaType.parseMediaType("text/html;charset=UTF-8"), "record-of-processing.html");
  }

  @GetMapping("/article-30.md")
  ResponseEntity<String> article30Markdown() throws IOException {
    StringWriter out = new StringWriter();
    record.writeMarkdown(out);
    return download(out.toString(), MARKDOWN_TYPE, "record-of-processing.md");
  }

  @GetMapping("/article-30.csv")
  ResponseEntity<String> article30Csv() throws IOException {
    StringWriter out = new StringWriter();
    record.writeCsv(out);
    return download(out.toString(), CSV_TYPE, "record-of-processing.csv");
  }

  @GetMapping("/article-30.json")
  ResponseEntity<String> article30Json() throws IOException {
    StringWriter out = new StringWriter();
    record.writeJson(out);
    return download(out.toString(), MediaType.APPLICATION_JSON, "record-of-processing.json");
  }

  @GetMapping("/data-map.svg")
  ResponseEntity<String> dataMapSvg() {
    return download(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DataMapSvg.of(model) + "\n",
        SVG_TYPE,
        "data-map.svg");
  }

  @GetMapping("/privacy-notice.html")
  ResponseEntity<String> privacyNotice() throws IOException {
    StringWriter out = new StringWriter();
    notice.writeHtml(out);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .body(out.toString());
  }

  @GetMapping("/privacy-notice.md")
  ResponseEntity<String> privacyNoticeMarkdown() throws IOException {
    StringWriter out = new StringWriter();
    notice.writeMarkdown(out);
    return download(out.toString(), MARKDOWN_TYPE, "privacy-notice.md");
  }

  private String article30Html() throws IOException {
    StringWriter markdown = new StringWriter();
    record.writeMarkdown(markdown);
    return HTML.render(MARKDOWN.parse(markdown.toString()));
  }

  private static ResponseEntity<String> download(String body, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
