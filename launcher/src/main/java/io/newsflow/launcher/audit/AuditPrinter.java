package io.newsflow.launcher.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import java.util.stream.Collectors;

/** The audit report as a person reads it, or as one JSON object for scripts. */
public final class AuditPrinter {

  private AuditPrinter() {}

  public static String json(AuditReport report) {
    ObjectNode node = Json.mapper().valueToTree(report);
    node.put("unaccountedCount", report.unaccounted().size());
    node.put("duplicatedCount", report.duplicated().size());
    node.put("clean", report.clean());
    return Json.write(node);
  }

  public static String text(AuditReport report) {
    StringBuilder out = new StringBuilder();
    line(out, "accepted (news.raw)", report.accepted(), "");
    line(out, "indexed", report.indexed(), "");
    line(out, "duplicate/old version", report.duplicates(), "");
    line(out, "dead-lettered", report.deadLettered(), report.deadLetterReasons().isEmpty() ? ""
        : report.deadLetterReasons().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", "(", ")")));
    line(out, "unaccounted", report.unaccounted().size(), "");
    line(out, "written more than once", report.duplicated().size(), "");
    for (AuditReport.Unaccounted u : report.unaccounted()) {
      out.append("  unaccounted: news.raw-").append(u.partition()).append('@').append(u.offset())
          .append(" key=").append(u.key())
          .append(u.id() == null ? " (unreadable record)" : " story " + u.id() + " v" + u.version()).append('\n');
    }
    for (AuditReport.Duplicated d : report.duplicated()) {
      out.append("  duplicated on ").append(d.topic()).append(": ").append(d.what()).append(" written ")
          .append(d.count()).append(" times, expected at most ").append(d.expected()).append('\n');
    }
    out.append(report.clean() ? "OK: every accepted article is accounted for, nothing duplicated"
        : "FAILED: articles unaccounted for or outputs duplicated").append('\n');
    return out.toString();
  }

  private static void line(StringBuilder out, String label, long count, String detail) {
    out.append(String.format("%-24s %8d %s", label, count, detail).stripTrailing()).append('\n');
  }
}
