package dev.specgate.packet;

import dev.specgate.core.SourceFile;
import java.util.Map;
import java.util.Optional;

/**
 * A migration packet: the folder holding a {@code spec.md}, with its Markdown files by name.
 *
 * @param folder repository-relative folder, "" at the root
 * @param files the packet's files keyed by lower-case file name (spec.md, tasks.md, …)
 */
public record Packet(String folder, Map<String, SourceFile> files) {
  public Packet {
    files = Map.copyOf(files);
  }

  public Optional<SourceFile> file(String name) {
    return Optional.ofNullable(files.get(name));
  }
}
