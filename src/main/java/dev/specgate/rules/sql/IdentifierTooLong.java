package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A name longer than PostgreSQL's 63 bytes (NAMEDATALEN - 1) in CREATE TABLE / INDEX, ADD COLUMN,
 * ADD CONSTRAINT or RENAME: PostgreSQL truncates it silently, so two long names can collide and the
 * name in the catalog is not the one in the code. PostgreSQL only.
 */
@RuleInfo(
    id = "identifier-too-long",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"squawk:identifier-too-long"},
    summary = "An identifier over 63 bytes is silently truncated by PostgreSQL")
public final class IdentifierTooLong implements Rule {
  static final int MAX_BYTES = 63;

  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (!at.postgres()) continue;
      for (String name : names(at.op())) {
        String bare = name.replace("\"", "");
        int dot = bare.lastIndexOf('.');
        String last = dot < 0 ? bare : bare.substring(dot + 1);
        int bytes = last.getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= MAX_BYTES) continue;
        String kept = new String(last.getBytes(StandardCharsets.UTF_8), 0, MAX_BYTES, StandardCharsets.UTF_8);
        out.report(SqlRuleSupport.location(at),
            "identifier " + last + " is " + bytes + " bytes; PostgreSQL keeps only the first 63 (" + kept + ")",
            "PostgreSQL truncates identifiers to 63 bytes with only a NOTICE: the catalog holds the"
                + " short name, two long names that share their first 63 bytes collide, and tools that"
                + " compare the full name see a difference that is not there.",
            "Choose a name of at most 63 bytes.");
      }
    }
    out.flush();
  }

  private static List<String> names(Operation op) {
    List<String> out = new ArrayList<>();
    if (op instanceof Operation.CreateTable ct) {
      out.add(ct.table());
      ct.columns().forEach(c -> out.add(c.name()));
      ct.constraints().forEach(k -> { if (k.name() != null) out.add(k.name()); });
    } else if (op instanceof Operation.CreateIndex ci && ci.name() != null) {
      out.add(ci.name());
    } else if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AddColumn ac) out.add(ac.column().name());
        else if (a instanceof AlterAction.AddConstraint ac && ac.constraint().name() != null) out.add(ac.constraint().name());
        else if (a instanceof AlterAction.RenameColumn r) out.add(r.to());
        else if (a instanceof AlterAction.RenameTable r) out.add(r.newName());
        else if (a instanceof AlterAction.RenameConstraint r) out.add(r.to());
      }
    } else if (op instanceof Operation.RenameObject r && r.to() != null) {
      out.add(r.to());
    } else if (op instanceof Operation.CreateObject co && co.name() != null) {
      out.add(co.name());
    }
    return out;
  }
}
