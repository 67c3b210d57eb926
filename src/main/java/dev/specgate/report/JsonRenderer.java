package dev.specgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.specgate.core.Finding;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stable, versioned JSON of DESIGN section 5. Field names are a contract; {@code statements}
 * in the summary is an addition (how many SQL statements were analysed).
 */
public final class JsonRenderer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonRenderer() {}

  public static String render(Report report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("version", 1);
    root.put("tool", "specgate");
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : report.findings()) findings.add(finding(f));
    root.put("findings", findings);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("error", report.count(Severity.ERROR));
    summary.put("warning", report.count(Severity.WARNING));
    summary.put("notice", report.count(Severity.NOTICE));
    summary.put("files", report.filesAnalysed());
    summary.put("statements", report.statementsAnalysed());
    root.put("summary", summary);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of plain maps cannot fail to serialise", e);
    }
  }

  static Map<String, Object> finding(Finding f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", f.rule());
    m.put("severity", f.severity().label());
    m.put("file", f.file());
    m.put("line", f.line());
    m.put("endLine", f.location().endLine());
    m.put("column", f.location().column());
    m.put("message", f.message());
    m.put("why", f.why());
    m.put("fix", f.fix());
    return m;
  }
}
