package dev.specgate.rules;

import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.MysqlServer;
import java.util.List;
import java.util.Map;

/**
 * The configuration as rules read it: the engine builds it from its {@code Config}, so the rules
 * package does not depend on the engine that runs it (no package cycle). Accessors carry the
 * names of {@code Config}'s, so a rule reads {@code context.config().largeTableRows()}.
 */
public record RuleSettings(
    Dialect dialect,
    int postgresVersion,
    MysqlServer mysqlServer,
    MigrationTool migrationTool,
    List<String> migrations,
    List<String> packets,
    List<String> requiredPacketFiles,
    long largeTableRows,
    Map<String, List<String>> guardrailCategories) {

  public RuleSettings {
    migrations = List.copyOf(migrations);
    packets = List.copyOf(packets);
    requiredPacketFiles = List.copyOf(requiredPacketFiles);
    guardrailCategories = Map.copyOf(guardrailCategories);
  }
}
