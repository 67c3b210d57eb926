package dev.specgate.cli;

import dev.specgate.github.app.HookDeliveries;
import dev.specgate.github.app.PemPrivateKeys;
import dev.specgate.server.DeliveryCatchUp;
import dev.specgate.server.Secrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specgate deliveries}: what the service's periodic catch-up does, by hand. Lists the
 * App's webhook deliveries GitHub failed to deliver (relevant events only, none of whose attempts
 * succeeded) and, with {@code --redeliver}, asks GitHub to send them again. The App's id and key
 * come from the options or the same environment as {@code serve}.
 */
@Command(name = "deliveries", description = {
    "List the GitHub App's failed webhook deliveries that could mean work, and redeliver them with --redeliver.",
    "Reads SPECGATE_APP_ID, SPECGATE_PRIVATE_KEY_FILE and SPECGATE_GITHUB_API_URL unless given as options."},
    footerHeading = Main.EXAMPLES,
    footer = {"  specgate deliveries --since 24h               the failed deliveries of the last day",
        "  specgate deliveries --since 3d --redeliver    and ask GitHub to send them again",
        "  (docs/service.md: replaying failed deliveries by hand)"})
final class DeliveriesCommand implements Callable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,6})([smhd])");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--since", paramLabel = "DURATION", defaultValue = "24h",
      description = "How far back to look: a number with s, m, h or d (default: ${DEFAULT-VALUE}; GitHub keeps 3 days).")
  String since;

  @Option(names = "--redeliver", description = "Ask GitHub to redeliver each delivery listed.")
  boolean redeliver;

  @Option(names = "--app-id", description = "The App's id or client id (default: $SPECGATE_APP_ID).")
  String appId;

  @Option(names = "--private-key", paramLabel = "FILE", description = "The App's private key (default: $SPECGATE_PRIVATE_KEY_FILE).")
  Path privateKey;

  @Option(names = "--api-url", paramLabel = "URL", description = "GitHub's API (default: $SPECGATE_GITHUB_API_URL or https://api.github.com).")
  String apiUrl;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Duration window = duration(since);
    String app = firstSet(appId, System.getenv("SPECGATE_APP_ID"));
    String keyFile = privateKey != null ? privateKey.toString() : System.getenv("SPECGATE_PRIVATE_KEY_FILE");
    if (app == null) throw new UserError("deliveries: the App id is not set: pass --app-id or set SPECGATE_APP_ID");
    if (keyFile == null || keyFile.isBlank()) {
      throw new UserError("deliveries: the private key is not set: pass --private-key or set SPECGATE_PRIVATE_KEY_FILE");
    }
    URI api = URI.create(firstSet(apiUrl, firstSet(System.getenv("SPECGATE_GITHUB_API_URL"), "https://api.github.com")));
    HookDeliveries github;
    try {
      github = HookDeliveries.forApp(api, app, PemPrivateKeys.load(Path.of(keyFile)));
    } catch (PemPrivateKeys.InvalidPrivateKeyException e) {
      throw new UserError("deliveries: " + keyFile + ": " + e.getMessage());
    }
    DeliveryCatchUp.Outcome outcome;
    try {
      outcome = new DeliveryCatchUp(github, DeliveryCatchUp.KnownDeliveries.NONE, null, Clock.systemUTC()).run(window, redeliver);
    } catch (IOException e) {
      throw new UserError("deliveries: " + Secrets.redact(e.getMessage()));
    }
    for (HookDeliveries.Delivery d : outcome.missed()) {
      out.printf(Locale.ROOT, "%s  %s  %s.%s  %s (%d)%n", d.deliveredAt(), d.guid(), d.event(),
          d.action() == null ? "" : d.action(), d.status(), d.statusCode());
    }
    out.printf(Locale.ROOT, "%d failed delivery(ies) in the last %s%s%n", outcome.missed().size(), since,
        redeliver ? ", " + outcome.redelivered() + " redelivered" : " (pass --redeliver to send them again)");
    for (String e : outcome.errors()) spec.commandLine().getErr().println("specgate: deliveries: " + Secrets.redact(e));
    out.flush();
    return outcome.errors().isEmpty() ? Main.EXIT_OK : Main.EXIT_USAGE;
  }

  private static String firstSet(String a, String b) {
    return a != null && !a.isBlank() ? a.trim() : b;
  }

  static Duration duration(String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) throw new UserError("deliveries: --since must be a number followed by s, m, h or d (such as 24h), got '" + text + "'");
    long n = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
    if (d.isZero()) throw new UserError("deliveries: --since must be more than 0");
    return d;
  }
}
