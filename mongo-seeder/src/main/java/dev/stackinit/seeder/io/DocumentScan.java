package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.DocumentStats;
import org.bson.RawBsonDocument;

/**
 * The first pass over one collection's documents, each already checked byte by byte: counts them, remembers the
 * largest, and refuses an {@code _id} the collection already has (as the {@code _id} index would) or one the server
 * refuses (an array or a regex).
 */
final class DocumentScan {
    private final String collection;
    private final IdKeys ids = new IdKeys();
    private long count;
    private int largest;
    private String largestAt = "";

    DocumentScan(String collection) {
        this.collection = collection;
    }

    /** @param where the document's place (file and byte offset or line), for messages */
    void add(byte[] bytes, int offset, int length, String where) {
        count++;
        if (length > largest) {
            largest = length;
            largestAt = where;
        }
        int idType = IdKeys.idType(bytes, offset);
        if (idType == 0x04 || idType == 0x0B) {
            throw new InvalidInputException("the document at " + where + " has "
                    + (idType == 0x04 ? "an array" : "a regex") + " as _id, which the server refuses");
        }
        if (!ids.add(bytes, offset)) {
            RawBsonDocument document = new RawBsonDocument(bytes, offset, length);
            throw new InvalidInputException("duplicate _id "
                    + new org.bson.BsonDocument("_id", document.get("_id")).toJson(SeedFiles.LINE) + " in collection "
                    + collection + " at " + where + ": the _id index treats equal numbers of any type (NumberInt(7),"
                    + " NumberLong(7), 7.0) as one key");
        }
    }

    DocumentStats stats() {
        return new DocumentStats(count, largest, largestAt);
    }
}
