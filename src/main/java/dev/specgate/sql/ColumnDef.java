package dev.specgate.sql;

/**
 * A column as declared in CREATE TABLE or ADD COLUMN.
 *
 * @param name normalized identifier (see {@link Names})
 * @param type the type as written, lower-cased and with single spaces, e.g. {@code varchar(80)}
 * @param notNull NOT NULL was declared (a PRIMARY KEY column counts as NOT NULL)
 * @param defaultExpr the DEFAULT expression as written, or {@code null}
 * @param generated the column is GENERATED (ALWAYS AS … STORED or AS IDENTITY) or serial-typed
 * @param references the referenced table of an inline REFERENCES, or {@code null}
 * @param check an inline CHECK expression, or {@code null}
 */
public record ColumnDef(
    String name,
    String type,
    boolean notNull,
    String defaultExpr,
    boolean primaryKey,
    boolean unique,
    boolean generated,
    String references,
    String check) {

  public boolean hasDefault() {
    return defaultExpr != null;
  }
}
