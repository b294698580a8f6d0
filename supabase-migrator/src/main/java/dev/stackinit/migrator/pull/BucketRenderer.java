package dev.stackinit.migrator.pull;

import java.util.ArrayList;
import java.util.List;

/** storage.buckets rows as an upsert: a bucket the target already has (created by hand, say) takes the source's values. */
final class BucketRenderer {
    private BucketRenderer() {}

    static String buckets(List<Catalog.Bucket> buckets) {
        SqlFile file = new SqlFile();
        if (buckets.isEmpty()) {
            return file.text();
        }
        List<String> columns = buckets.get(0).columns();
        List<String> rows = new ArrayList<>();
        for (Catalog.Bucket bucket : buckets) {
            rows.add("(" + String.join(", ", bucket.values()) + ")");
        }
        file.statement("INSERT INTO storage.buckets (" + String.join(", ", columns) + ") VALUES\n    "
                + String.join(",\n    ", rows) + "\n" + onConflict(columns));
        return file.text();
    }

    /** One bucket, for diff --write. */
    static String upsert(Catalog.Bucket bucket) {
        return "INSERT INTO storage.buckets (" + String.join(", ", bucket.columns()) + ") VALUES ("
                + String.join(", ", bucket.values()) + ")\n" + onConflict(bucket.columns());
    }

    private static String onConflict(List<String> columns) {
        List<String> others = columns.stream().filter(c -> !c.equals("id")).toList();
        if (others.isEmpty()) {
            return "ON CONFLICT (id) DO NOTHING";
        }
        List<String> excluded = others.stream().map(c -> "EXCLUDED." + c).toList();
        return "ON CONFLICT (id) DO UPDATE SET (" + String.join(", ", others) + ") = ROW(" + String.join(", ", excluded)
                + ")";
    }
}
