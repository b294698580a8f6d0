package dev.stackinit.seeder;

import java.util.Iterator;
import org.bson.RawBsonDocument;

/** Documents of one collection as raw BSON, read lazily; close releases the cursor or file. */
public interface DocumentStream extends Iterator<RawBsonDocument>, AutoCloseable {
    @Override
    void close();
}
