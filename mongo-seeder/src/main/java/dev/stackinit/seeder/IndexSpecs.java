package dev.stackinit.seeder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonValue;

/**
 * Index specs made buildable before anything is written, the way mongorestore's {@code --convertLegacyIndexes} does:
 * legacy key values (0, {@code true}, {@code ""}, any non-number) become 1, the obsolete {@code v: 0} is dropped, an
 * index whose key equals another's only after that conversion is not restored, and options mongo-seeder does not know
 * ({@code safe}, ...) are named and left to the server, which is told to ignore what it does not know (as mongorestore
 * does on 4.1.9+). Then {@link #unbuildable} says which specs the target server's version refuses (geoHaystack from
 * 5.0), so an import stops before the first write instead of after all data is copied.
 */
public final class IndexSpecs {
    /**
     * The options mongod's IndexDescriptor knows (7.0/8.0); anything else is a legacy leftover ({@code safe}, and
     * {@code dropDups}, which servers since 3.0 only tolerate) and makes createIndexes ask the server to ignore it.
     */
    private static final Set<String> KNOWN_OPTIONS = Set.of(
            "2dsphereIndexVersion",
            "background",
            "bits",
            "bucketSize",
            "clustered",
            "coarsestIndexedLevel",
            "collation",
            "columnstoreCompressor",
            "columnstoreProjection",
            "default_language",
            "expireAfterSeconds",
            "finestIndexedLevel",
            "hidden",
            "key",
            "language_override",
            "max",
            "min",
            "name",
            "ns",
            "originalSpec",
            "partialFilterExpression",
            "prepareUnique",
            "sparse",
            "storageEngine",
            "textIndexVersion",
            "unique",
            "v",
            "weights",
            "wildcardProjection");

    private static final Set<String> KEY_TYPES = Set.of("2d", "2dsphere", "text", "hashed", "geoHaystack");

    private IndexSpecs() {}

    /**
     * @param specs the converted specs to create
     * @param notes what was changed, for the summary
     * @param notRestored indexes left out because their converted key duplicates an earlier index
     */
    public record Normalized(List<BsonDocument> specs, List<String> notes, List<Unrestored> notRestored) {}

    public static Normalized normalize(String database, String collection, List<BsonDocument> specs) {
        List<BsonDocument> kept = new ArrayList<>();
        List<Boolean> keptConverted = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Unrestored> dropped = new ArrayList<>();
        for (BsonDocument original : specs) {
            BsonDocument spec = new BsonDocument();
            original.forEach(spec::append); // a mutable copy: specs read from files may be raw
            String where = database + "." + collection + " index " + name(spec);
            boolean converted = false;
            if (spec.isDocument("key")) {
                BsonDocument key = new BsonDocument();
                for (var field : spec.getDocument("key").entrySet()) {
                    BsonValue value = convertKeyValue(field.getValue());
                    converted |= !value.equals(field.getValue());
                    key.append(field.getKey(), value);
                }
                if (converted) {
                    notes.add(where + ": legacy key " + spec.getDocument("key").toJson() + " converted to "
                            + key.toJson());
                    spec.put("key", key);
                }
            }
            for (String option : spec.keySet()) {
                if (!KNOWN_OPTIONS.contains(option)) {
                    notes.add(where + ": option '" + option + "' is not an index option mongod knows; the server"
                            + " is told to ignore unknown options");
                }
            }
            if (spec.isNumber("v")
                    && spec.getNumber("v").intValue() != 1
                    && spec.getNumber("v").intValue() != 2) {
                notes.add(where + ": index version v: " + spec.get("v") + " dropped (the server picks its default)");
                spec.remove("v");
            }
            int same = sameKey(kept, spec);
            if (same >= 0 && (converted || keptConverted.get(same))) {
                dropped.add(new Unrestored(
                        database,
                        collection + "." + name(spec),
                        "index",
                        "its key equals index " + name(kept.get(same)) + "'s after legacy conversion"));
                continue;
            }
            kept.add(spec);
            keptConverted.add(converted);
        }
        return new Normalized(kept, notes, dropped);
    }

    /** Why the target cannot build this spec, or null when it can (or its version is unknown). */
    public static String unbuildable(ServerVersion target, BsonDocument spec) {
        BsonDocument key = spec.isDocument("key") ? spec.getDocument("key") : new BsonDocument();
        for (var field : key.entrySet()) {
            if (field.getValue().isString()) {
                String type = field.getValue().asString().getValue();
                if (!KEY_TYPES.contains(type)) {
                    return "unknown index type '" + type + "' on field " + field.getKey();
                }
                if (type.equals("geoHaystack") && target != null && target.atLeast(4, 9)) {
                    return "geoHaystack indexes were removed in MongoDB 5.0 (target runs " + target
                            + "); drop the index at the source or --exclude the collection";
                }
            }
        }
        if (target != null && spec.containsKey("hidden") && !target.atLeast(4, 4)) {
            return "hidden indexes need MongoDB 4.4 (target runs " + target + ")";
        }
        if (target != null && spec.containsKey("prepareUnique") && !target.atLeast(6, 0)) {
            return "prepareUnique needs MongoDB 6.0 (target runs " + target + ")";
        }
        return null;
    }

    /** mongorestore's rule: zero, "" and anything not a number or string mean ascending (1). */
    private static BsonValue convertKeyValue(BsonValue value) {
        if (value.isString()) {
            return value.asString().getValue().isEmpty() ? new BsonInt32(1) : value;
        }
        if (value.isInt32() || value.isInt64()) {
            return value.asNumber().longValue() == 0 ? new BsonInt32(1) : value;
        }
        if (value.isDouble()) {
            double d = value.asDouble().getValue();
            return Math.abs(d) < 1e-9 ? new BsonInt32(d >= 0 ? 1 : -1) : value;
        }
        if (value.isDecimal128()) {
            var decimal = value.asDecimal128().getValue();
            boolean zero = !decimal.isNaN() && !decimal.isInfinite() && isZero(decimal);
            return zero ? new BsonInt32(1) : value;
        }
        return new BsonInt32(1);
    }

    private static boolean isZero(org.bson.types.Decimal128 decimal) {
        try {
            return decimal.bigDecimalValue().signum() == 0;
        } catch (ArithmeticException negativeZero) {
            return true;
        }
    }

    /** The index in {@code kept} with the same key (names in order, numbers by value), or -1. */
    private static int sameKey(List<BsonDocument> kept, BsonDocument spec) {
        if (!spec.isDocument("key")) {
            return -1;
        }
        List<String> names = new ArrayList<>(spec.getDocument("key").keySet());
        for (int i = 0; i < kept.size(); i++) {
            BsonDocument other = kept.get(i).getDocument("key", new BsonDocument());
            if (!new ArrayList<>(other.keySet()).equals(names)) {
                continue;
            }
            boolean equal = true;
            for (String name : names) {
                equal &= sameKeyValue(other.get(name), spec.getDocument("key").get(name));
            }
            if (equal) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameKeyValue(BsonValue a, BsonValue b) {
        if (a.isString() || b.isString()) {
            return a.equals(b);
        }
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asNumber().doubleValue() - b.asNumber().doubleValue()) < 1e-9;
        }
        return a.equals(b);
    }

    /** An index spec's name ("?" without one). */
    public static String name(BsonDocument spec) {
        return spec.isString("name") ? spec.getString("name").getValue() : "?";
    }

    /** True when a spec has options mongod may not know: createIndexes then asks it to ignore them. */
    public static boolean hasUnknownOptions(List<BsonDocument> specs) {
        return specs.stream().anyMatch(spec -> !KNOWN_OPTIONS.containsAll(spec.keySet()));
    }
}
