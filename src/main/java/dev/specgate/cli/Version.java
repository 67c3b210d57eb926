package dev.specgate.cli;

import picocli.CommandLine;

/** The version printed by {@code specgate --version}: the jar's implementation version. */
final class Version implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"specgate " + (v == null ? "development build" : v)};
  }
}
