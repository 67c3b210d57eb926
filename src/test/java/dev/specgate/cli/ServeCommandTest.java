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

  @Test
  void anUnreachableDatabaseIsReportedWithoutItsPassword() throws Exception {
    Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
    ServeCommand serve = new ServeCommand();
    serve.environment = Map.of(
        "SPECGATE_APP_ID", "123456",
        "SPECGATE_PRIVATE_KEY_FILE", key.toString(),
        "SPECGATE_WEBHOOK_SECRET", "s3cret-webhook",
        "SPECGATE_DATA_DIR", dir.resolve("data").toString(),
        "SPECGATE_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/specgate?user=svc&password=hunter2-db-pass",
        "SPECGATE_DATABASE_PASSWORD", "another-db-pass");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(serve);
    cli.setErr(new java.io.PrintWriter(err, true));
    assertThat(cli.execute()).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString()).contains("SPECGATE_DATABASE_URL: cannot open the job store jdbc:postgresql://127.0.0.1:1/specgate")
        .contains("password=****").doesNotContain("hunter2-db-pass").doesNotContain("another-db-pass");
  }
}
