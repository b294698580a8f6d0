package dev.stackinit.seeder;

import dev.stackinit.errors.InvalidInputException;
import java.util.List;

/** A database to diffable files: documents in _id order, so two exports of the same data are byte-equal. */
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
        int collections = 0;
        int views = 0;
        int changed = 0;
        for (CollectionSpec spec : all) {
            if (!filter.accepts(spec.name())) {
                continue;
            }
            if (spec.isView()) {
                views++;
                changed += sink.write(spec, null) ? 1 : 0;
                continue;
            }
            collections++;
            try (DocumentStream documents = source.documents(database, spec.name(), 0, true)) {
                changed += sink.write(spec, documents) ? 1 : 0;
            }
        }
        return new ExportReport(database, collections, views, changed, sink.finish());
    }
}
