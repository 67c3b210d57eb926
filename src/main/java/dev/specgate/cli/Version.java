package dev.specgate.cli;

import dev.specgate.core.BuildInfo;
import picocli.CommandLine;

/** The version printed by {@code specgate --version}: the build's version and git commit. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"specgate " + BuildInfo.current().describe()};
  }
}
