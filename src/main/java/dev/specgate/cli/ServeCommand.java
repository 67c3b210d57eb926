package dev.specgate.cli;

import dev.specgate.engine.Analysis;
import dev.specgate.github.CallPolicy;
import dev.specgate.github.app.PemPrivateKeys;
import dev.specgate.server.Secrets;
import dev.specgate.server.ServiceApp;
import dev.specgate.server.ServiceSettings;
import dev.specgate.server.WorkerTuning;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code specgate serve}: the GitHub App service, configured by environment variables (see
 * docs/service.md). Runs until SIGTERM/SIGINT, then shuts down gracefully.
 */
@Command(name = "serve", description = {
    "Run the GitHub App webhook service (Check Runs and review comments on pull requests).",
    "Configured by environment: SPECGATE_APP_ID, SPECGATE_PRIVATE_KEY_FILE, SPECGATE_WEBHOOK_SECRET,",
    "SPECGATE_GITHUB_API_URL, SPECGATE_PORT, SPECGATE_DATABASE_URL, SPECGATE_DATA_DIR, SPECGATE_WORKERS,",
    "SPECGATE_ANALYSIS_BUDGET_SECONDS, SPECGATE_MAX_FILE_BYTES, SPECGATE_HEARTBEAT_LAPSE_SECONDS, SPECGATE_CATCH_UP_MINUTES."},
    footerHeading = Main.EXAMPLES,
    footer = {"  SPECGATE_APP_ID=12345 SPECGATE_PRIVATE_KEY_FILE=app.pem SPECGATE_WEBHOOK_SECRET=... specgate serve",
        "  (docs/service.md: installing the GitHub App)"})
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The environment to read; tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    ServiceSettings settings;
    try {
      settings = ServiceSettings.fromEnvironment(environment);
    } catch (ServiceSettings.SettingsException e) {
      err.println("specgate serve: " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    }
    // every log line from here on, libraries' included, goes out with secrets masked
    if (!(System.err instanceof RedactedStream)) System.setErr(new RedactedStream(Secrets.redacting(System.err)));
    try {
      java.nio.file.Files.createDirectories(settings.dataDir());
    } catch (java.io.IOException e) {
      err.println("specgate serve: " + ServiceSettings.DATA_DIR + ": cannot create " + settings.dataDir() + ": " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    }
    ServiceApp app;
    try {
      app = ServiceApp.start(settings, Analysis::run, WorkerTuning.defaults(), CallPolicy.service());
    } catch (PemPrivateKeys.InvalidPrivateKeyException e) {
      err.println("specgate serve: " + ServiceSettings.PRIVATE_KEY_FILE + ": " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    } catch (SQLException e) {
      err.println("specgate serve: " + ServiceSettings.DATABASE_URL + ": cannot open the job store "
          + Secrets.redact(settings.databaseUrl()) + ": " + Secrets.redact(e.getMessage()));
      err.flush();
      return Main.EXIT_USAGE;
    } catch (java.io.IOException e) {
      // the delivery inbox under the data folder (the embedded store's journal)
      err.println("specgate serve: " + ServiceSettings.DATA_DIR + " " + settings.dataDir() + ": " + e.getMessage());
      err.flush();
      return Main.EXIT_USAGE;
    } catch (RuntimeException e) {
      err.println("specgate serve: cannot start on port " + settings.port() + " (" + ServiceSettings.PORT + "): "
          + Secrets.redact(e.getMessage()));
      err.flush();
      return Main.EXIT_USAGE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      stopped.countDown();
    }, "specgate-shutdown"));
    spec.commandLine().getOut().println("specgate serve: listening on port " + app.port());
    spec.commandLine().getOut().flush();
    stopped.await();
    return Main.EXIT_OK;
  }

  /** Marks System.err as already redacting (serve may run more than once in one JVM: tests). */
  private static final class RedactedStream extends java.io.PrintStream {
    RedactedStream(java.io.PrintStream out) {
      super(out, true, java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
