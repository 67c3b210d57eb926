package dev.specgate.engine;

import dev.specgate.sql.MigrationFile;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.SourceFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanSql;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.SqlBlockRole;
import dev.specgate.rules.Family;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.sql.schema.SchemaHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The SQL written in one packet's plan, seen by the SQL rules as if it were the change's
 * migrations (DESIGN §1: the plan's fences are checked by the same SQL rules): each fence is one
 * "file" whose statements carry the Markdown file's line numbers; phase SQL and backfill scripts
 * are forward migrations, rollback SQL is a down migration, validation queries are only read for
 * statements the parser could not read (their read-only check is {@code lock-claim-wrong}'s).
 * Destructive drops in a cleanup / contract phase are the plan declaring its cleanup, which the
 * packet rules judge; they are not reported as {@code destructive-drop}. {@code missing-lock-timeout}
 * is not run on plan SQL: the timeout is a setting of the session running the migration, checked on
 * the migration itself.
 *
 * <p>Each selection of a packet's fences is an {@link AnalysisContext} of its own: the fences are
 * its migrations, the packet its only packet. Existing tables: the plan's SQL is replayed on its
 * own, so a table counts as existing unless the plan's SQL creates it (the tables the change's
 * migrations create are the plan's subject). The schema dumps at base ({@code schemaDumps}) are
 * replayed first (once per analysis: {@link SchemaHistory.Seed}): the columns, constraints,
 * indexes and functions they hold are what the plan's SQL starts from.
 */
final class PlanSqlAnalysis {
  private PlanSqlAnalysis() {}

  /**
   * The findings of the SQL-family {@code rules} on the plan SQL of {@code packets}, reported at
   * the Markdown files' lines. {@code runner} runs one rule on one context (severity, errors).
   */
  static List<Finding> findings(List<Rule> rules, List<Packet> packets, SchemaHistory.Seed dumps, Config config,
      ChangeSet changes, BiFunction<Rule, RuleContext, List<Finding>> runner) {
    List<Finding> out = new ArrayList<>();
    List<Rule> sqlRules = rules.stream().filter(r -> r.info().family() == Family.SQL).toList();
    if (sqlRules.isEmpty()) return out;
    for (Packet p : packets) {
      List<PlanSqlBlock> blocks = PlanSql.blocks(p, config.dialect());
      if (blocks.isEmpty()) continue;
      RuleContext all = of(config, changes, p, dumps, blocks, b -> true);
      RuleContext checked = of(config, changes, p, dumps, blocks, b -> b.role() != SqlBlockRole.VALIDATION);
      RuleContext drops = of(config, changes, p, dumps, blocks,
          b -> b.role() != SqlBlockRole.VALIDATION && !(b.role() != SqlBlockRole.ROLLBACK && b.inCleanupPhase()));
      for (Rule r : sqlRules) {
        RuleContext c = switch (r.id()) {
          case "unparsed-statement" -> all;
          case "destructive-drop" -> drops;
          // lock_timeout belongs to the session that runs the migration, checked there; a plan's
          // fence shows the statements, and warning on every fence would bury the real findings
          case "missing-lock-timeout" -> null;
          // a plan lays its steps out one statement at a time so that each can be read and rolled
          // back; folding them into one ALTER is advice for the migration, not for the plan
          case "alter-table-combinable" -> null;
          default -> checked;
        };
        if (c == null) continue;
        for (Finding f : runner.apply(r, c)) out.add(inMarkdown(f));
      }
    }
    return out;
  }

  private static RuleContext of(Config config, ChangeSet changes, Packet p, SchemaHistory.Seed dumps,
      List<PlanSqlBlock> blocks, Predicate<PlanSqlBlock> keep) {
    List<MigrationFile> files = new ArrayList<>();
    int n = 0;
    for (PlanSqlBlock b : blocks) {
      n++;
      if (!keep.test(b)) continue;
      SourceFile source = SourceFile.added(b.virtualPath(), b.paddedSql());
      files.add(new MigrationFile(source, b.migration(),
          b.role() == SqlBlockRole.ROLLBACK ? MigrationFile.Direction.DOWN : MigrationFile.Direction.UP,
          String.format("%06d", n), false));
    }
    List<MigrationFile> migrations = List.copyOf(files);
    return new AnalysisContext(config, changes, migrations, List.of(p), dumps.replay(migrations, true), null);
  }

  /** The finding moved from the block's virtual path to its Markdown file. */
  private static Finding inMarkdown(Finding f) {
    String md = PlanSqlBlock.fileOf(f.file());
    if (md.equals(f.file())) return f;
    Location l = f.location();
    return new Finding(f.rule(), f.severity(),
        new Location(md, l.line(), l.column(), l.endLine(), l.endColumn()),
        f.message().replace(f.file(), md), f.why(), f.fix());
  }
}
