package dev.specgate.engine;

import dev.specgate.core.ChangeSet;
import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleSettings;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.schema.SchemaHistory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The read-only models of one analysis, as rules see them, plus the values rules share. Also the
 * context of a plan's SQL fences ({@link PlanSqlAnalysis}), with no dry-run evidence.
 */
final class AnalysisContext implements RuleContext {
  private final Config config;
  private final RuleSettings settings;
  private final ChangeSet changeSet;
  private final List<MigrationFile> migrations;
  private final List<Packet> packets;
  private final SchemaHistory schema;
  private final DryRunEvidence dryRun;
  private final Map<String, Object> shared = new ConcurrentHashMap<>();

  AnalysisContext(Config config, ChangeSet changeSet, List<MigrationFile> migrations,
      List<Packet> packets, SchemaHistory schema, DryRunEvidence dryRun) {
    this.config = config;
    this.settings = Analysis.settingsOf(config);
    this.changeSet = changeSet;
    this.migrations = migrations;
    this.packets = packets;
    this.schema = schema;
    this.dryRun = dryRun;
  }

  @Override
  public RuleSettings config() {
    return settings;
  }

  @Override
  public ChangeSet changeSet() {
    return changeSet;
  }

  @Override
  public List<MigrationFile> migrations() {
    return migrations;
  }

  @Override
  public List<Packet> packets() {
    return packets;
  }

  @Override
  public java.util.Optional<DryRunEvidence> dryRun() {
    return java.util.Optional.ofNullable(dryRun);
  }

  @Override
  public SchemaHistory schema() {
    return schema;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T shared(String key, Supplier<T> compute) {
    Object value = shared.get(key);
    if (value == null) {
      value = compute.get(); // not computeIfAbsent: a shared value may ask for another one
      shared.put(key, value);
    }
    return (T) value;
  }
}
