package dev.stackinit.bench.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's workload, the same as the Flyway/psql anchors: N files, each a table, an index, a plpgsql function and
 * a trigger using it. Written as {@code tables/<n>_t<n>.sql} for the migrator; the baseline runs the same texts.
 */
final class GeneratedMigrations {
    private GeneratedMigrations() {}

    static List<String> write(Path dir, int count) throws IOException {
        Path tables = Files.createDirectories(dir.resolve("tables"));
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sql = sql(i);
            Files.writeString(tables.resolve(String.format("%04d_t%d.sql", i, i)), sql);
            texts.add(sql);
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
