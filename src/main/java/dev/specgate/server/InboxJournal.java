package dev.specgate.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DeliveryInbox}'s journal on disk: files {@code deliveries-<n>.jsonl} holding one
 * delivery per line as JSON, and how they are read back after a stop.
 */
final class InboxJournal {
  private static final Logger LOG = LoggerFactory.getLogger(InboxJournal.class);
  private static final String PREFIX = "deliveries-";
  private static final String SUFFIX = ".jsonl";
  /** How every line starts (Jackson writes a record's components in order). */
  private static final String LINE_START = "{\"id\":";
  /** Writes lines; reads them refusing a missing number rather than taking 0. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private InboxJournal() {}

  /** Journal file {@code n} in {@code dir}. */
  static Path path(Path dir, long n) {
    return dir.resolve(PREFIX + n + SUFFIX);
  }

  /** The journal files in {@code dir}, by number. */
  static TreeMap<Long, Path> files(Path dir) throws IOException {
    TreeMap<Long, Path> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(p -> {
        String name = p.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
          try {
            files.put(Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length())), p);
          } catch (NumberFormatException ignored) {
            // not ours
          }
        }
      });
    }
    return files;
  }

  /** A delivery as one line of JSON. */
  static byte[] line(JobStore.Delivery e) throws IOException {
    byte[] body = JSON.writeValueAsBytes(e);
    byte[] line = new byte[body.length + 1];
    System.arraycopy(body, 0, line, 0, body.length);
    line[body.length] = '\n';
    return line;
  }

  /**
   * Adds the file's deliveries to {@code into}; false when a line cannot be read. Left out, with a
   * warning, are what only a process that died (or failed) inside a write leaves, none of it
   * acknowledged: zero bytes where a line was never written, an unfinished last line, and a
   * fragment in front of a whole line.
   */
  static boolean read(Path path, List<JobStore.Delivery> into) throws IOException {
    String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    boolean readable = true;
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      boolean torn = end < 0;
      String line = withoutLeadingZeros(torn ? text.substring(start) : text.substring(start, end));
      lineNo++;
      start = torn ? text.length() : end + 1;
      if (line.isBlank()) continue;
      Optional<JobStore.Delivery> entry = parse(line);
      int whole = line.lastIndexOf(LINE_START);
      if (entry.isEmpty() && whole > 0) {
        entry = parse(line.substring(whole));
        if (entry.isPresent()) {
          LOG.warn("inbox: {} line {}: a fragment of a write that failed before its delivery was acknowledged is left out",
              path.getFileName(), lineNo);
        }
      }
      if (entry.isPresent()) {
        into.add(entry.get());
      } else if (torn) {
        LOG.warn("inbox: {} line {}: an unfinished last line (the process stopped while writing it, before"
            + " acknowledging the delivery) is left out", path.getFileName(), lineNo);
      } else {
        readable = false;
        LOG.error("inbox: {} line {}: expected one delivery as JSON ({\"id\":…,\"event\":…,\"items\":[…]} with a"
            + " repository, installation, pull request number and head sha per item); the file is kept as {}.unreadable",
            path, lineNo, path.getFileName());
      }
    }
    return readable;
  }

  private static String withoutLeadingZeros(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == '\0') i++;
    return line.substring(i);
  }

  private static Optional<JobStore.Delivery> parse(String line) {
    try {
      JobStore.Delivery e = JSON.readValue(line, JobStore.Delivery.class);
      if (e.id() == null || e.event() == null || e.items() == null || e.items().isEmpty() || e.items().contains(null)) {
        return Optional.empty();
      }
      return Optional.of(e);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
