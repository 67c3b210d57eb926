package dev.specgate.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Several globs matched together. Literal patterns (see {@link Glob#literal}) are looked up in a
 * hash set, so naming thousands of files on the command line stays linear.
 */
public final class GlobSet {
  private final Set<String> literals = new HashSet<>();
  private final List<Glob> patterns = new ArrayList<>();

  public GlobSet(List<String> globs) {
    for (String g : globs) {
      String literal = Glob.literalPath(g);
      if (literal != null) literals.add(literal);
      else patterns.add(Glob.of(g));
    }
  }

  public boolean matches(String path) {
    String p = path.replace('\\', '/');
    if (literals.contains(p)) return true;
    for (Glob g : patterns) if (g.matches(p)) return true;
    return false;
  }
}
