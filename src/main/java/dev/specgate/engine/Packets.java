package dev.specgate.engine;

import dev.specgate.core.ChangeSet;
import dev.specgate.packet.Packet;
import java.util.List;

/** The packets of a ChangeSet, found the way an analysis finds them (for {@code specgate packet}). */
public final class Packets {
  private Packets() {}

  /** Every packet the configured globs find in {@code changes}. */
  public static List<Packet> discover(ChangeSet changes, Config config) {
    return Workspace.discover(changes, config).packets();
  }
}
