package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.github.app.TestKeys;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code specgate serve} refuses to start with a clear message that never shows a secret. */
class ServeCommandTest {
  @TempDir Path dir;

  /** Runs {@code serve} with a valid App set-up plus {@code database}; expects it to refuse; returns its stderr. */
  private String refused(Map<String, String> database) throws Exception {
    Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
    ServeCommand serve = new ServeCommand();
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "SPECGATE_APP_ID", "123456",
        "SPECGATE_PRIVATE_KEY_FILE", key.toString(),
        "SPECGATE_WEBHOOK_SECRET", "s3cret-webhook",
        "SPECGATE_DATA_DIR", dir.resolve("data").toString()));
    env.putAll(database);
    serve.environment = env;
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(serve);
    cli.setErr(new java.io.PrintWriter(err, true));
    assertThat(cli.execute()).isEqualTo(Main.EXIT_USAGE);
    return err.toString();
  }

  @Test
  void anUnreachableDatabaseIsReportedWithoutItsPassword() throws Exception {
    String err = refused(Map.of(
        "SPECGATE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/specgate?user=svc&password=hunter2-db-pass",
        "SPECGATE_DATABASE_PASSWORD", "another-db-pass"));
    assertThat(err).contains("SPECGATE_DATABASE_URL: cannot open the job store jdbc:postgresql://127.0.0.1:1/specgate")
        .contains("password=****").doesNotContain("hunter2-db-pass").doesNotContain("another-db-pass");
  }

  @Test
  void aDataFolderAnotherServiceHoldsIsReportedAsSuch() throws Exception {
    Path inbox = dir.resolve("data").resolve("inbox");
    java.nio.file.Files.createDirectories(inbox);
    // another service's lock on the journal folder (in this JVM, as the service would be another process)
    try (java.nio.channels.FileChannel held = java.nio.channels.FileChannel.open(inbox.resolve("inbox.lock"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock lock = held.lock()) {
      String err = refused(Map.of("SPECGATE_DATABASE_URL", "jdbc:h2:mem:serve-inbox-test", "SPECGATE_PORT", "0"));
      assertThat(err).contains("SPECGATE_DATA_DIR").contains("is in use by another specgate process")
          .doesNotContain("SPECGATE_DATABASE_URL");
    }
  }
}
