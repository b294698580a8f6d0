package dev.stackinit.bench.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's workload, the same as the Flyway/psql anchors: N files, each a table, an index, a plpgsql function and
 * a trigger using it. One text, three layouts: {@code tables/<n>_t<n>.sql} for supabase-migrator, {@code
 * flyway/V<n>__t<n>.sql} for Flyway, and {@code psql-per-file.sql}, which has psql run each file in its own transaction
 * ({@code BEGIN; \i file; COMMIT;}).
 */
public final class GeneratedMigrations {
    private final Path dir;
    private final int count;

    private GeneratedMigrations(Path dir, int count) {
        this.dir = dir;
        this.count = count;
    }

    public static GeneratedMigrations write(Path dir, int count) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        Path flyway = Files.createDirectories(dir.resolve("flyway"));
        StringBuilder psql = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            String sql = sql(i);
            Path file = tables.resolve(String.format("%04d_t%d.sql", i, i));
            Files.writeString(file, sql);
            Files.writeString(flyway.resolve("V" + i + "__t" + i + ".sql"), sql);
            psql.append("BEGIN;\n\\i ").append(file).append("\nCOMMIT;\n");
        }
        Files.writeString(dir.resolve("psql-per-file.sql"), psql);
        return new GeneratedMigrations(dir, count);
    }

    /** The folder supabase-migrator reads (-d). */
    public Path dir() {
        return dir;
    }

    public int count() {
        return count;
    }

    public Path flywayLocation() {
        return dir.resolve("flyway");
    }

    public Path psqlScript() {
        return dir.resolve("psql-per-file.sql");
    }

    /** The texts, for the no-op benchmark's set-up. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            texts.add(sql(i));
        }
        return texts;
    }

    static String sql(int i) {
        String t = "t" + i;
        return "create table public." + t + " (\n"
                + "    id bigint generated always as identity primary key,\n"
                + "    name text not null,\n"
                + "    updated_at timestamptz not null default now()\n"
                + ");\n"
                + "create index " + t + "_name_idx on public." + t + " (name);\n"
                + "create function public." + t + "_touch() returns trigger language plpgsql as $$\n"
                + "begin\n"
                + "    new.updated_at := now();\n"
                + "    return new;\n"
                + "end;\n"
                + "$$;\n"
                + "create trigger " + t + "_touch before update on public." + t + "\n"
                + "    for each row execute function public." + t + "_touch();\n";
    }
}
