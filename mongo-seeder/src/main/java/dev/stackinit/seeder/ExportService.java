package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database to files: our diffable seed folder (documents in _id order, so two exports of the same data are
 * byte-equal), mongodump's directory layout or a mongodump archive. The sink writes everything to a temporary place
 * and swaps it in when complete; any failure on the way leaves the previous export as it was.
 */
public final class ExportService {

    /** What an export wrote. */
    public record ExportReport(String database, int collections, int views, int changed, int removed) {
        public boolean upToDate() {
            return changed == 0 && removed == 0;
        }
    }

    public ExportReport export(SourceStore source, String database, NameFilter filter, SeedSink sink) {
        List<CollectionSpec> all = source.collections(database);
        if (all.isEmpty()) {
            throw new InvalidInputException(
                    "source database '" + database + "' does not exist or is empty on " + source.describe());
        }
        List<CollectionSpec> selected = new ArrayList<>();
        for (CollectionSpec spec : all) {
            if (filter.accepts(spec.name())) {
                selected.add(spec);
            }
        }
        int collections = 0;
        int views = 0;
        SeedSink.Outcome outcome;
        try {
            sink.begin(database, selected, source.serverVersion());
            for (CollectionSpec spec : selected) {
                if (spec.isView()) {
                    views++;
                    sink.add(spec, null);
                } else if (spec.isTimeseries() && sink.wantsBuckets()) {
                    collections++;
                    sink.add(spec, () -> source.buckets(database, spec.name()));
                } else {
                    collections++;
                    sink.add(spec, () -> source.documents(database, spec.name(), 0, true));
                }
            }
            outcome = sink.finish();
        } catch (RuntimeException e) {
            sink.abort();
            throw e;
        }
        return new ExportReport(database, collections, views, outcome.changed(), outcome.removed());
    }
}
