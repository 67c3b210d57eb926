package dev.specgate.server;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a verified, relevant delivery is put before its {@code 202} goes out, so that an
 * acknowledged delivery is never lost: the job store itself (PostgreSQL, whose commit is durable
 * and shared by the replicas), or the {@link DeliveryInbox} in front of the embedded store.
 */
interface Intake {
  /**
   * Takes a delivery in. Returns {@link JobStore.Accepted#DUPLICATE} when its id was received
   * before; otherwise the delivery is durable when this returns.
   */
  JobStore.Accepted receive(String deliveryId, String event, List<WorkItem> work) throws SQLException, IOException;

  /** Whether a delivery id was received (the catch-up leaves known ones alone). */
  boolean knows(String deliveryId) throws SQLException;
}
