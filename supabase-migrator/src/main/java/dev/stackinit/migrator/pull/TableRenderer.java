package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                if (type.collation() != null) {
                    domain.append(" COLLATE ").append(type.collation());
                }
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
        if (type.grants() != null) {
            file.group();
            grants.exact(file, "TYPE", name, type.grants());
        }
        file.group().comment((type.kind() == 'd' ? "DOMAIN " : "TYPE ") + name, type.comment());
        type.memberComments().forEach(c -> file.comment(c.on(), c.text()));
        return file.text();
    }

    String sequences(List<Catalog.Sequence> sequences) {
        SqlFile file = new SqlFile();
        for (Catalog.Sequence sequence : sequences) {
            file.group().statement(createSequence(sequence));
            grants.exact(file, "SEQUENCE", sequence.name().sql(), sequence.grants());
            file.comment("SEQUENCE " + sequence.name().sql(), sequence.comment());
        }
        return file.text();
    }

    static String createSequence(Catalog.Sequence sequence) {
        return "CREATE SEQUENCE " + sequence.name().sql() + " AS " + sequence.dataType() + " START WITH "
                + sequence.start() + " INCREMENT BY " + sequence.increment() + " MINVALUE " + sequence.min()
                + " MAXVALUE " + sequence.max() + " CACHE " + sequence.cache()
                + (sequence.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /**
     * The table with everything that needs nothing created later; {@code inlineKeys}: foreign keys to add here;
     * {@code parent}: the partitioned table when this is a partition.
     */
    String table(
            Catalog.Table table,
            List<Catalog.Constraint> inlineKeys,
            List<Catalog.Sequence> ownedSequences,
            Catalog.Table parent) {
        String name = table.name().sql();
        SqlFile file = new SqlFile();
        Catalog.Partition partition = table.partition();
        List<Catalog.Constraint> altered = new ArrayList<>(inlineKeys);
        if (partition != null && !partition.attach()) {
            // the parent gives the columns, their defaults and NOT NULLs; constraints of its own are added after
            file.statement("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " PARTITION OF "
                    + partition.parent().sql() + " " + partition.bound() + partitionBy(table));
            localConstraints(table).forEach(altered::add);
            columnOverrides(file, table, parent);
        } else {
            List<String> lines = new ArrayList<>();
            table.columns().forEach(column -> lines.add(column(column)));
            for (Catalog.Constraint constraint : localConstraints(table)) {
                if (constraint.definition().endsWith("NOT VALID")) {
                    altered.add(constraint); // NOT VALID exists only in ALTER TABLE
                } else {
                    lines.add("CONSTRAINT " + constraint.sql() + " " + constraint.definition());
                }
            }
            String body = lines.isEmpty() ? "()" : "(\n    " + String.join(",\n    ", lines) + "\n)";
            file.statement("CREATE " + (table.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " " + body
                    + partitionBy(table));
            if (partition != null) {
                file.statement("ALTER TABLE " + partition.parent().sql() + " ATTACH PARTITION " + name + " "
                        + partition.bound());
            }
        }
        altered.forEach(c -> file.statement(addConstraint(name, c)));
        ownedSequences.forEach(s -> file.statement("ALTER SEQUENCE " + s.name().sql() + " OWNED BY " + s.ownedBy()));
        columnSettings(file, table);
        if (!table.options().isEmpty()) {
            file.statement("ALTER TABLE " + name + " SET (" + String.join(", ", table.options()) + ")");
        }
        file.group();
        table.indexes().stream().filter(i -> !i.afterFunctions()).forEach(i -> file.statement(i.definition()));
        if (partition != null) {
            partition.indexNames().forEach(n -> file.statement(renamePartitionIndex(table, n)));
        }
        table.statistics().forEach(s -> file.statement(s.definition()));
        file.group();
        replicaIdentity(table).ifPresent(file::statement);
        if (table.clusterIndex() != null) {
            file.statement("ALTER TABLE " + name + " CLUSTER ON " + table.clusterIndex());
        }
        if (table.rowSecurity()) {
            file.statement("ALTER TABLE " + name + " ENABLE ROW LEVEL SECURITY");
        }
        if (table.forceRowSecurity()) {
            file.statement("ALTER TABLE " + name + " FORCE ROW LEVEL SECURITY");
        }
        file.group();
        grants.exact(file, "TABLE", name, table.grants());
        for (Catalog.Column column : table.columns()) {
            if (column.identitySequence() != null) {
                grants.exact(file, "SEQUENCE", column.identitySequence(), column.sequenceGrants());
            }
        }
        file.group();
        comments(file, table, inlineKeys);
        return file.text();
    }

    /**
     * Every COMMENT of a table except its policies': the table, columns, constraints (foreign keys only those added
     * here), indexes, statistics.
     */
    static void comments(SqlFile file, Catalog.Table table, List<Catalog.Constraint> inlineKeys) {
        String name = table.name().sql();
        file.comment("TABLE " + name, table.comment());
        table.columns().forEach(c -> file.comment("COLUMN " + name + "." + c.sql(), c.comment()));
        table.constraints().stream()
                .filter(c -> !c.afterFunctions() && (c.type() != 'f' || inlineKeys.contains(c)))
                .forEach(c -> file.comment(constraintTarget(table, c), c.comment()));
        table.indexes().stream()
                .filter(i -> !i.afterFunctions())
                .forEach(i -> file.comment(indexTarget(table, i), i.comment()));
        table.statistics().forEach(s -> file.comment("STATISTICS " + s.name().sql(), s.comment()));
    }

    static String constraintTarget(Catalog.Table table, Catalog.Constraint constraint) {
        return "CONSTRAINT " + constraint.sql() + " ON " + table.name().sql();
    }

    static String indexTarget(Catalog.Table table, Catalog.Index index) {
        return "INDEX " + index.name();
    }

    /** Constraints the table has of its own: a partition's own CHECKs, not the keys its parent gives it. */
    private static List<Catalog.Constraint> localConstraints(Catalog.Table table) {
        return table.constraints().stream()
                .filter(c -> c.type() != 'f' && !c.afterFunctions())
                .toList();
    }

    private static String partitionBy(Catalog.Table table) {
        return table.partitionKey() == null ? "" : " PARTITION BY " + table.partitionKey();
    }

    /**
     * PARTITION OF copies the parent's defaults and NOT NULLs: what the partition has otherwise is set afterwards (the
     * parent's NOT NULL cannot be dropped on a partition, so there is nothing to undo there).
     */
    private static void columnOverrides(SqlFile file, Catalog.Table table, Catalog.Table parent) {
        Map<String, Catalog.Column> parentColumns = parent == null
                ? Map.of()
                : parent.columns().stream().collect(Collectors.toMap(Catalog.Column::sql, Function.identity()));
        String name = table.name().sql();
        for (Catalog.Column column : table.columns()) {
            Catalog.Column inherited = parentColumns.get(column.sql());
            String parentDefault = inherited == null ? null : inherited.defaultExpr();
            String alter = "ALTER TABLE " + name + " ALTER COLUMN " + column.sql();
            if (!Objects.equals(column.defaultExpr(), parentDefault)
                    && column.generated().isEmpty()) {
                if (column.defaultExpr() == null) {
                    file.statement(alter + " DROP DEFAULT");
                } else if (!column.defaultAfterFunctions()) {
                    file.statement(alter + " SET DEFAULT " + column.defaultExpr());
                }
            }
            if (column.notNull() && (inherited == null || !inherited.notNull())) {
                file.statement(alter + " SET NOT NULL");
            }
        }
    }

    /** Statistics targets and storage modes set on columns (not the type's own). */
    private static void columnSettings(SqlFile file, Catalog.Table table) {
        String name = table.name().sql();
        for (Catalog.Column column : table.columns()) {
            String alter = "ALTER TABLE " + name + " ALTER COLUMN " + column.sql();
            if (column.statistics() >= 0) {
                file.statement(alter + " SET STATISTICS " + column.statistics());
            }
            if (column.storage() != null) {
                file.statement(alter + " SET STORAGE " + column.storage());
            }
        }
    }

    static java.util.Optional<String> replicaIdentity(Catalog.Table table) {
        String alter = "ALTER TABLE " + table.name().sql() + " REPLICA IDENTITY ";
        return switch (table.replicaIdentity()) {
            case 'f' -> java.util.Optional.of(alter + "FULL");
            case 'n' -> java.util.Optional.of(alter + "NOTHING");
            case 'i' -> java.util.Optional.of(alter + "USING INDEX " + table.replicaIndex());
            default -> java.util.Optional.empty();
        };
    }

    /** The index a partition got from its parent's, renamed to the source's name where the server chose another. */
    private static String renamePartitionIndex(Catalog.Table table, Catalog.IndexName index) {
        String find = "(SELECT i.inhrelid::pg_catalog.regclass FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_index x"
                + " ON x.indexrelid = i.inhrelid WHERE i.inhparent = " + SqlFile.literal(index.parentIndex())
                + "::pg_catalog.regclass AND x.indrelid = "
                + SqlFile.literal(table.name().sql())
                + "::pg_catalog.regclass)";
        return "DO $rename$ BEGIN EXECUTE pg_catalog.format('ALTER INDEX %s RENAME TO %I', " + find + ", "
                + SqlFile.literal(index.name()) + "); END $rename$";
    }

    static String foreignKeys(Catalog.Table table, List<Catalog.Constraint> keys) {
        SqlFile file = new SqlFile();
        keys.forEach(key -> file.statement(addConstraint(table.name().sql(), key)));
        keys.forEach(key -> file.comment(constraintTarget(table, key), key.comment()));
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
        view.columnComments().forEach(c -> file.comment(c.on(), c.text()));
        view.indexes().forEach(i -> file.comment("INDEX " + i.name(), i.comment()));
        return file.text();
    }

    /** Policies of one table; {@code afterFunctions} picks the ones that call pulled functions, or the others. */
    static SqlFile policies(SqlFile file, Catalog.Table table, boolean afterFunctions) {
        for (Catalog.Policy policy : table.policies()) {
            if (policy.afterFunctions() == afterFunctions) {
                policy(file, table.name(), policy);
            }
        }
        return file;
    }

    static void policy(SqlFile file, Name table, Catalog.Policy policy) {
        StringBuilder sql = new StringBuilder("CREATE POLICY " + policy.sql() + " ON " + table.sql());
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
        file.comment("POLICY " + policy.sql() + " ON " + table.sql(), policy.comment());
    }

    /**
     * The RLS state of a Supabase-owned table the app put policies on, exactly as the source has it (the platform
     * decides the default, the app may have changed it).
     */
    static void rowSecurity(SqlFile file, Catalog.Table table) {
        String alter = "ALTER TABLE " + table.name().sql();
        file.statement(alter + (table.rowSecurity() ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
        file.statement(alter + (table.forceRowSecurity() ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
    }

    /** What of a table waits for the functions: CHECKs, defaults, indexes and policies calling pulled functions. */
    static String afterFunctions(Catalog.Table table) {
        String name = table.name().sql();
        SqlFile file = new SqlFile();
        table.constraints().stream().filter(Catalog.Constraint::afterFunctions).forEach(c -> {
            file.statement(addConstraint(name, c));
            file.comment(constraintTarget(table, c), c.comment());
        });
        table.columns().stream()
                .filter(Catalog.Column::defaultAfterFunctions)
                .forEach(c -> file.statement(
                        "ALTER TABLE " + name + " ALTER COLUMN " + c.sql() + " SET DEFAULT " + c.defaultExpr()));
        table.indexes().stream().filter(Catalog.Index::afterFunctions).forEach(i -> {
            file.statement(i.definition());
            file.comment(indexTarget(table, i), i.comment());
        });
        policies(file, table, true);
        return file.text();
    }

    static boolean hasAfterFunctions(Catalog.Table table) {
        return table.constraints().stream().anyMatch(Catalog.Constraint::afterFunctions)
                || table.columns().stream().anyMatch(Catalog.Column::defaultAfterFunctions)
                || table.indexes().stream().anyMatch(Catalog.Index::afterFunctions)
                || table.policies().stream().anyMatch(Catalog.Policy::afterFunctions);
    }

    static String addConstraint(String table, Catalog.Constraint constraint) {
        return "ALTER TABLE " + table + " ADD CONSTRAINT " + constraint.sql() + " " + constraint.definition();
    }

    static String column(Catalog.Column column) {
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
