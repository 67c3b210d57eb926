package dev.specgate.engine;

import dev.specgate.core.ChangeSet;
import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleContext;
import dev.specgate.sql.schema.SchemaHistory;
import java.util.List;

/** The read-only models of one analysis, as rules see them. */
record AnalysisContext(
    Config config,
    ChangeSet changeSet,
    List<MigrationFile> migrations,
    List<Packet> packets,
    SchemaHistory schema) implements RuleContext {}
