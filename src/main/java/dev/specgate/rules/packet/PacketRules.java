package dev.specgate.rules.packet;

import dev.specgate.rules.Rule;
import java.util.List;

/** The rules of the packet family, in catalogue order. Add each new rule class here. */
public final class PacketRules {
  private PacketRules() {}

  public static List<Rule> all() {
    return List.of(
        new PacketIncomplete(),
        new SpecMissingSection(),
        new TableSizeUnstated(),
        new BackfillPlanIncomplete(),
        new ParityThresholdUnnamed(),
        new CompatWindowUnnamed(),
        new RollbackPerPhase(),
        new StopSignalsUnnamed(),
        new DeployOrderUnstated(),
        new AcceptanceNotTestable(),
        new VagueLanguage(),
        new EvidenceBlank(),
        new TasksOpen(),
        new SameReleaseCleanup(),
        new NonGoalViolated(),
        new MigrationWithoutPacket(),
        new LockClaimWrong(),
        new PlanMigrationMismatch());
  }
}
