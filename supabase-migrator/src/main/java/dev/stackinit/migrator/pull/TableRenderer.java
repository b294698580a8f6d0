package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;

/** SQL for the tables phase: types, sequences, tables, foreign keys, views, policies; and their deferred parts. */
final class TableRenderer {
    private final GrantRenderer grants;

    TableRenderer(GrantRenderer grants) {
        this.grants = grants;
    }

    String type(Catalog.Type type) {
        SqlFile file = new SqlFile();
        String name = type.name().sql();
        switch (type.kind()) {
            case 'e' -> file.statement("CREATE TYPE " + name + " AS ENUM (" + String.join(", ", type.labels()) + ")");
            case 'c' ->
                file.statement(
                        "CREATE TYPE " + name + " AS (\n    " + String.join(",\n    ", type.attributes()) + "\n)");
            default -> {
                StringBuilder domain = new StringBuilder("CREATE DOMAIN " + name + " AS " + type.baseType());
                if (type.defaultExpr() != null) {
                    domain.append(" DEFAULT ").append(type.defaultExpr());
                }
                if (type.notNull()) {
                    domain.append(" NOT NULL");
                }
                type.domainConstraints().forEach(c -> domain.append("\n    ").append(c));
                file.statement(domain.toString());
            }
        }
        file.comment((type.kind() == 'd' ? "DOMAIN " : "TYPE ") + name, type.comment());
        return file.text();
    }

    String sequences(List<Catalog.Sequence> sequences) {
        SqlFile file = new SqlFile();
        for (Catalog.Sequence sequence : sequences) {
            String name = sequence.name().sql();
            file.group()
                    .statement("CREATE SEQUENCE " + name + " AS " + sequence.dataType() + " START WITH "
                            + sequence.start() + " INCREMENT BY " + sequence.increment() + " MINVALUE "
                            + sequence.min() + " MAXVALUE " + sequence.max() + " CACHE " + sequence.cache()
                            + (sequence.cycle() ? " CYCLE" : " NO CYCLE"));
            grants.exact(file, "SEQUENCE", name, sequence.grants());
            file.comment("SEQUENCE " + name, sequence.comment());
        }
        return file.text();
    }

    /** The table with everything that needs nothing created later; {@code inlineKeys}: foreign keys to add here. */
    String table(Catalog.Table table, List<Catalog.Constraint> inlineKeys, List<Catalog.Sequence> ownedSequences) {
        String name = table.name().sql();
        List<String> lines = new ArrayList<>();
        table.columns().forEach(column -> lines.add(column(column)));
        List<Catalog.Constraint> altered = new ArrayList<>(inlineKeys);
        for (Catalog.Constraint constraint : table.constraints()) {
            if (constraint.type() == 'f' || constraint.afterFunctions()) {
                continue;
            }
            if (constraint.definition().endsWith("NOT VALID")) {
                altered.add(constraint); // NOT VALID exists only in ALTER TABLE
            } else {
                lines.add("CONSTRAINT " + constraint.sql() + " " + constraint.definition());
            }
        }
        SqlFile file = new SqlFile();
        String body = lines.isEmpty() ? "()" : "(\n    " + String.join(",\n    ", lines) + "\n)";
        file.statement("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " " + body);
        altered.forEach(c -> file.statement(addConstraint(name, c)));
        ownedSequences.forEach(s -> file.statement("ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + s.ownedBy()));
        file.group();
        table.indexes().stream().filter(i -> !i.afterFunctions()).forEach(i -> file.statement(i.definition()));
        file.group();
        if (table.rowSecurity()) {
            file.statement("ALTER TABLE " + name + " ENABLE ROW LEVEL SECURITY");
        }
        if (table.forceRowSecurity()) {
            file.statement("ALTER TABLE " + name + " FORCE ROW LEVEL SECURITY");
        }
        file.group();
        grants.exact(file, "TABLE", name, table.grants());
        file.group().comment("TABLE " + name, table.comment());
        table.columns().forEach(c -> file.comment("COLUMN " + name + "." + c.sql(), c.comment()));
        return file.text();
    }

    static String foreignKeys(Name table, List<Catalog.Constraint> keys) {
        SqlFile file = new SqlFile();
        keys.forEach(key -> file.statement(addConstraint(table.sql(), key)));
        return file.text();
    }

    String view(Catalog.View view) {
        String name = view.name().sql();
        String kind = view.materialized() ? "MATERIALIZED VIEW" : "VIEW";
        String options = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
        SqlFile file = new SqlFile();
        file.statement("CREATE " + kind + " " + name + options + " AS\n" + view.query()
                + (view.materialized() ? "\n  WITH DATA" : ""));
        view.indexes().forEach(index -> file.statement(index.definition()));
        file.group();
        grants.exact(file, "TABLE", name, view.grants());
        file.group().comment(kind + " " + name, view.comment());
        return file.text();
    }

    /** Policies of one table; {@code afterFunctions} picks the ones that call pulled functions, or the others. */
    static SqlFile policies(SqlFile file, Catalog.Table table, boolean afterFunctions) {
        for (Catalog.Policy policy : table.policies()) {
            if (policy.afterFunctions() != afterFunctions) {
                continue;
            }
            StringBuilder sql = new StringBuilder(
                    "CREATE POLICY " + policy.sql() + " ON " + table.name().sql());
            sql.append(policy.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE");
            sql.append(" FOR ").append(policy.command());
            sql.append(" TO ").append(String.join(", ", policy.roles()));
            if (policy.using() != null) {
                sql.append("\n    USING (").append(policy.using()).append(")");
            }
            if (policy.withCheck() != null) {
                sql.append("\n    WITH CHECK (").append(policy.withCheck()).append(")");
            }
            file.statement(sql.toString());
        }
        return file;
    }

    /** What of a table waits for the functions: CHECKs, defaults, indexes and policies calling pulled functions. */
    static String afterFunctions(Catalog.Table table) {
        String name = table.name().sql();
        SqlFile file = new SqlFile();
        table.constraints().stream()
                .filter(Catalog.Constraint::afterFunctions)
                .forEach(c -> file.statement(addConstraint(name, c)));
        table.columns().stream()
                .filter(Catalog.Column::defaultAfterFunctions)
                .forEach(c -> file.statement(
                        "ALTER TABLE " + name + " ALTER COLUMN " + c.sql() + " SET DEFAULT " + c.defaultExpr()));
        table.indexes().stream().filter(Catalog.Index::afterFunctions).forEach(i -> file.statement(i.definition()));
        policies(file, table, true);
        return file.text();
    }

    static boolean hasAfterFunctions(Catalog.Table table) {
        return table.constraints().stream().anyMatch(Catalog.Constraint::afterFunctions)
                || table.columns().stream().anyMatch(Catalog.Column::defaultAfterFunctions)
                || table.indexes().stream().anyMatch(Catalog.Index::afterFunctions)
                || table.policies().stream().anyMatch(Catalog.Policy::afterFunctions);
    }

    private static String addConstraint(String table, Catalog.Constraint constraint) {
        return "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint.sql() + " " + constraint.definition();
    }

    private static String column(Catalog.Column column) {
        StringBuilder sql = new StringBuilder(column.sql()).append(' ').append(column.type());
        if (column.collation() != null) {
            sql.append(" COLLATE ").append(column.collation());
        }
        if ("s".equals(column.generated())) {
            sql.append(" GENERATED ALWAYS AS (").append(column.defaultExpr()).append(") STORED");
        } else if (!column.identity().isEmpty()) {
            sql.append(" GENERATED ").append("a".equals(column.identity()) ? "ALWAYS" : "BY DEFAULT");
            sql.append(" AS IDENTITY");
            if (!column.identityOptions().isEmpty()) {
                sql.append(" (").append(column.identityOptions()).append(')');
            }
        } else if (column.defaultExpr() != null && !column.defaultAfterFunctions()) {
            sql.append(" DEFAULT ").append(column.defaultExpr());
        }
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }
}
