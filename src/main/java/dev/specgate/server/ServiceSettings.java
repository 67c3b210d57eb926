package dev.specgate.server;

import java.util.regex.Pattern;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The service's settings, read from the environment. A missing or bad setting stops startup with a
 * {@link SettingsException} naming the variable and what was expected.
 *
 * @param databaseUrl a JDBC URL: {@code jdbc:h2:…} (embedded, the default) or {@code jdbc:postgresql:…}
 * @param analysisBudget the wall-clock time one job's analysis may take
 * @param maxFileBytes files larger than this are not analysed (reported by name)
 * @param dryRunMaxDatabaseMb the most a dry run's scratch database may hold, whatever the pull
 *     request's {@code .specgate.yml} says (its {@code dryRunMaxDatabaseMb} may only lower it)
 * @param deadAfter PostgreSQL: a replica's running job is taken over when its heartbeat lapses this long
 * @param catchUpInterval how often the App's recent deliveries are checked for failed ones (0: never)
 */
public record ServiceSettings(
    String appId,
    Path privateKeyFile,
    byte[] webhookSecret,
    URI githubApiUrl,
    int port,
    String databaseUrl,
    String databaseUser,
    String databasePassword,
    Path dataDir,
    int workers,
    Duration analysisBudget,
    long maxFileBytes,
    long dryRunMaxDatabaseMb,
    Duration deadAfter,
    Duration catchUpInterval) {
  private static final Pattern APP_ID_FORM = Pattern.compile("[0-9]+|Iv[0-9A-Za-z.]+");

  public static final String APP_ID = "SPECGATE_APP_ID";
  public static final String PRIVATE_KEY_FILE = "SPECGATE_PRIVATE_KEY_FILE";
  public static final String WEBHOOK_SECRET = "SPECGATE_WEBHOOK_SECRET";
  public static final String GITHUB_API_URL = "SPECGATE_GITHUB_API_URL";
  public static final String PORT = "SPECGATE_PORT";
  public static final String DATABASE_URL = "SPECGATE_DATABASE_URL";
  public static final String DATABASE_USER = "SPECGATE_DATABASE_USER";
  public static final String DATABASE_PASSWORD = "SPECGATE_DATABASE_PASSWORD";
  public static final String DATA_DIR = "SPECGATE_DATA_DIR";
  public static final String WORKERS = "SPECGATE_WORKERS";
  public static final String ANALYSIS_BUDGET = "SPECGATE_ANALYSIS_BUDGET_SECONDS";
  public static final String MAX_FILE_BYTES = "SPECGATE_MAX_FILE_BYTES";
  public static final String DRY_RUN_MAX_DATABASE_MB = "SPECGATE_DRY_RUN_MAX_DATABASE_MB";
  public static final String DEAD_AFTER = "SPECGATE_HEARTBEAT_LAPSE_SECONDS";
  public static final String CATCH_UP = "SPECGATE_CATCH_UP_MINUTES";

  /** A setting that is missing or unusable; the message names it. */
  public static final class SettingsException extends Exception {
    public SettingsException(String message) {
      super(message);
    }
  }

  public static ServiceSettings fromEnvironment(Map<String, String> env) throws SettingsException {
    String appId = required(env, APP_ID, "the GitHub App's numeric id (or client id) from the App's settings page");
    if (!APP_ID_FORM.matcher(appId).matches()) {
      throw new SettingsException(APP_ID + " must be the App's numeric id or its client id (Iv…), got '" + appId + "'");
    }
    Path key = Path.of(required(env, PRIVATE_KEY_FILE, "the path of the App's private key (.pem)"));
    if (!Files.isRegularFile(key) || !Files.isReadable(key)) {
      throw new SettingsException(PRIVATE_KEY_FILE + ": " + key + " is not a readable file");
    }
    String secret = required(env, WEBHOOK_SECRET, "the webhook secret entered in the App's settings");
    URI api = apiUrl(env.getOrDefault(GITHUB_API_URL, "https://api.github.com"));
    int port = integer(env, PORT, 8080, 0, 65535);
    Path dataDir = Path.of(nonBlank(env.get(DATA_DIR), "./specgate-data"));
    String dbUrl = nonBlank(env.get(DATABASE_URL), null);
    if (dbUrl == null) {
      // retry: reopens the file when a worker thread is interrupted during I/O (shutdown)
      dbUrl = "jdbc:h2:retry:" + dataDir.toAbsolutePath().normalize().resolve("specgate").toString().replace('\\', '/');
    } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
      throw new SettingsException(DATABASE_URL + " must start with jdbc:postgresql: or jdbc:h2:, got '" + Secrets.redact(dbUrl) + "'");
    }
    int workers = integer(env, WORKERS, Math.max(2, Runtime.getRuntime().availableProcessors()), 1, 256);
    Duration budget = Duration.ofSeconds(integer(env, ANALYSIS_BUDGET, 60, 1, 3600));
    long maxFile = integer(env, MAX_FILE_BYTES, 2 * 1024 * 1024, 1024, 100 * 1024 * 1024);
    long dryRunMb = integer(env, DRY_RUN_MAX_DATABASE_MB, 2_048, 16, 1_000_000);
    Duration deadAfter = Duration.ofSeconds(integer(env, DEAD_AFTER, 18, 4, 3600)); // taken over within 1.5x + a poll: 29 s
    Duration catchUp = Duration.ofMinutes(integer(env, CATCH_UP, 10, 0, 24 * 60));
    Secrets.register(secret);
    Secrets.register(env.get(DATABASE_PASSWORD));
    return new ServiceSettings(appId, key, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), api, port,
        dbUrl, env.get(DATABASE_USER), env.get(DATABASE_PASSWORD), dataDir, workers, budget, maxFile, dryRunMb, deadAfter,
        catchUp);
  }

  /** Never prints the webhook secret or the database password. */
  @Override
  public String toString() {
    return "ServiceSettings[appId=" + appId + ", privateKeyFile=" + privateKeyFile + ", githubApiUrl=" + githubApiUrl
        + ", port=" + port + ", databaseUrl=" + Secrets.redact(databaseUrl) + ", databaseUser=" + databaseUser
        + ", dataDir=" + dataDir + ", workers=" + workers + "]";
  }

  /** The same settings with other limits (tests). */
  public ServiceSettings withLimits(Duration budget, long maxFile, Duration catchUp) {
    return new ServiceSettings(appId, privateKeyFile, webhookSecret, githubApiUrl, port, databaseUrl, databaseUser,
        databasePassword, dataDir, workers, budget, maxFile, dryRunMaxDatabaseMb, deadAfter, catchUp);
  }

  public boolean postgres() {
    return databaseUrl.startsWith("jdbc:postgresql:");
  }

  private static String required(Map<String, String> env, String name, String what) throws SettingsException {
    String v = env.get(name);
    if (v == null || v.isBlank()) throw new SettingsException(name + " is not set: expected " + what);
    return v.trim();
  }

  private static String nonBlank(String v, String fallback) {
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  private static int integer(Map<String, String> env, String name, int fallback, int min, int max)
      throws SettingsException {
    String v = env.get(name);
    if (v == null || v.isBlank()) return fallback;
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) throw new NumberFormatException();
      return n;
    } catch (NumberFormatException e) {
      throw new SettingsException(name + " must be a whole number from " + min + " to " + max + ", got '" + v + "'");
    }
  }

  private static URI apiUrl(String v) throws SettingsException {
    try {
      URI u = new URI(v.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) throw new URISyntaxException(v, "not http(s)");
      return u;
    } catch (URISyntaxException e) {
      throw new SettingsException(GITHUB_API_URL + " must be an http(s) URL such as https://api.github.com or https://HOST/api/v3, got '" + v + "'");
    }
  }
}
