package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStats;
import dev.stackinit.seeder.IndexSpecs;
import dev.stackinit.seeder.ServerVersion;
import dev.stackinit.seeder.Unrestored;
import dev.stackinit.shared.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Reads a directory as a dump: our seed folder ({@code <coll>.jsonl}), a mongodump database folder ({@code
 * <escaped>.bson[.gz]} with {@code <escaped>.metadata.json[.gz]}), or a dump root holding database folders (plus
 * {@code prelude.json} and {@code oplog.bson}). Names come from the metadata's {@code collectionName} verbatim, else
 * from the file name unescaped as Go's {@code url.QueryUnescape} does. Time-series data is paired with its metadata
 * ({@code system.buckets.<name>.bson} before 8.3, {@code <name>.bson} from 8.3), legacy {@code system.indexes.bson}
 * supplies the indexes when there are no metadata files, and everything that cannot be restored is named.
 */
final class DirectoryScanner {
    private final Path root;
    private final DumpCatalog catalog;

    private DirectoryScanner(Path root, boolean multi) {
        this.root = root;
        this.catalog = new DumpCatalog(multi);
    }

    static DumpSource scan(Path directory) {
        if (Files.isRegularFile(directory)) {
            throw new InvalidInputException("seed directory " + directory + " is a file, not a folder (a mongodump"
                    + " archive is read with --archive)");
        }
        if (!Files.isDirectory(directory)) {
            Path parent = directory.toAbsolutePath().getParent();
            Path interrupted = parent == null ? null : parent.resolve("." + directory.getFileName() + ".export-old");
            throw new InvalidInputException("seed directory " + directory + " does not exist"
                    + (interrupted != null && Files.isDirectory(interrupted)
                            ? " (an interrupted export left the previous one at " + interrupted
                                    + "; run the export again, which puts it back first)"
                            : ""));
        }
        List<Path> entries = list(directory);
        boolean multi = isRoot(entries);
        DirectoryScanner scanner = new DirectoryScanner(directory, multi);
        String rootVersion = prelude(directory)
                .or(() -> prelude(directory.toAbsolutePath().getParent()))
                .orElse(null);
        if (multi) {
            scanner.scanRoot(entries, rootVersion);
        } else {
            scanner.scanFolder(directory, "", rootVersion);
        }
        return new DumpSource("seed-dir", directory, hash(directory, entries), scanner.catalog, () -> {});
    }

    /** A root holds database folders and no collection files of its own (an oplog aside). */
    private static boolean isRoot(List<Path> entries) {
        boolean folders = false;
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                folders = true;
            } else if (isCollectionFile(SeedFiles.plainName(entry))) {
                return false;
            }
        }
        return folders;
    }

    private static boolean isCollectionFile(String name) {
        return !name.equals(SeedFiles.OPLOG)
                && (name.endsWith(SeedFiles.DUMP)
                        || name.endsWith(SeedFiles.LEGACY_DUMP)
                        || name.endsWith(SeedFiles.DOCUMENTS)
                        || name.endsWith(SeedFiles.METADATA));
    }

    private void scanRoot(List<Path> entries, String rootVersion) {
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry)) {
                checkDatabaseName(name, entry);
                catalog.database(name);
                scanFolder(entry, name, prelude(entry).orElse(rootVersion));
            } else if (SeedFiles.plainName(entry).equals(SeedFiles.OPLOG)) {
                DocumentStats stats = scanData(entry, "oplog");
                if (stats.count() > 0) {
                    catalog.unrestorable.add(new Unrestored(
                            "",
                            "oplog",
                            "oplog",
                            stats.count() + " oplog entries in " + entry
                                    + " are not replayed (mongo-seeder restores data, not an oplog)"));
                }
            } else if (!SeedFiles.plainName(entry).equals(SeedFiles.PRELUDE)) {
                catalog.notes.add("ignored " + entry + ": not part of a dump layout");
            }
        }
    }

    private static void checkDatabaseName(String name, Path folder) {
        if (!DumpNames.isDatabaseName(name)) {
            throw new InvalidInputException("folder " + folder + " is not a valid database name");
        }
    }

    /** One database folder. */
    private void scanFolder(Path folder, String database, String version) {
        Map<String, Path> metadataFiles = new TreeMap<>();
        Map<String, Path> dataFiles = new TreeMap<>();
        hiddenDumpFiles(folder);
        for (Path file : list(folder)) {
            String plain = SeedFiles.plainName(file);
            if (Files.isDirectory(file)) {
                // mongodump writes none: most likely a dump root one level deeper than --seed-dir, not to be lost
                catalog.unrestorable.add(new Unrestored(
                        database,
                        file.getFileName() + "/",
                        "file",
                        "folder " + file + " inside a database folder is not read (a database folder holds files"
                                + " only; is --seed-dir one level too high?)"));
            } else if (plain.equals(SeedFiles.PRELUDE)) {
                continue;
            } else if (plain.endsWith(SeedFiles.METADATA)) {
                metadataFiles.put(SeedFiles.strip(plain, SeedFiles.METADATA), file);
            } else if (plain.endsWith(SeedFiles.DUMP)
                    || plain.endsWith(SeedFiles.LEGACY_DUMP)
                    || plain.endsWith(SeedFiles.DOCUMENTS)) {
                String suffix = plain.substring(plain.lastIndexOf('.'));
                if (dataFiles.put(SeedFiles.strip(plain, suffix), file) != null) {
                    throw new InvalidInputException(
                            "two data files for '" + SeedFiles.strip(plain, suffix) + "' in " + folder);
                }
            } else {
                catalog.notes.add("ignored " + file + ": not part of a dump layout");
            }
        }
        catalog.database(database);
        ServerVersion dumpedFrom = ServerVersion.parse(version);
        if (version != null) {
            catalog.serverVersion = version;
        }
        Map<String, CollectionSpec> specs = new LinkedHashMap<>();
        Map<String, Path> dataOf = new LinkedHashMap<>();
        for (var metadataFile : metadataFiles.entrySet()) {
            String stem = metadataFile.getKey();
            Metadata metadata = Metadata.parse(
                    readAll(metadataFile.getValue()), metadataFile.getValue().toString());
            String name = metadata != null && metadata.collectionName() != null
                    ? metadata.collectionName()
                    : nameFromStem(stem, metadataFile.getValue());
            CollectionSpec spec = metadata != null
                    ? metadata.spec(name)
                    : new CollectionSpec(name, "collection", new BsonDocument(), List.of());
            if (specs.putIfAbsent(name, spec) != null) {
                throw new InvalidInputException("collection '" + name + "' has two metadata files in " + folder);
            }
            String dataStem = spec.isTimeseries() ? bucketStem(name, stem, dataFiles, dumpedFrom) : stem;
            Path data = dataFiles.remove(dataStem);
            if (data != null && spec.isView()) {
                catalog.unrestorable.add(new Unrestored(
                        database, name, "file", data + " holds documents for a view, which has none to restore"));
            } else if (data != null) {
                dataOf.put(name, data);
            }
        }
        List<BsonDocument> legacyIndexes = new ArrayList<>();
        Path systemIndexes = dataFiles.remove("system.indexes");
        if (systemIndexes != null && metadataFiles.isEmpty()) {
            legacyIndexes = readAllDocuments(systemIndexes);
        } else if (systemIndexes != null) {
            catalog.notes.add("ignored " + systemIndexes + ": the metadata files hold the indexes");
        }
        for (var dataFile : dataFiles.entrySet()) {
            orphanData(database, folder, dataFile.getKey(), dataFile.getValue(), specs, dataOf);
        }
        attachLegacyIndexes(database, systemIndexes, legacyIndexes, specs);
        for (CollectionSpec spec : new TreeMap<>(specs).values()) {
            Path data = dataOf.get(spec.name());
            DocumentStats stats = data == null ? new DocumentStats(0, 0, "") : scanData(data, spec.name());
            boolean buckets = spec.isTimeseries() && data != null && !SeedFiles.isJsonLines(data);
            catalog.add(
                    database,
                    new DumpCatalog.Entry(spec, data == null ? null : () -> new DumpReader(data), stats, buckets),
                    folder.toString());
        }
    }

    /** A data file without metadata: a plain collection, or something mongo-seeder does not restore. */
    private void orphanData(
            String database,
            Path folder,
            String stem,
            Path file,
            Map<String, CollectionSpec> specs,
            Map<String, Path> dataOf) {
        if (DumpNames.isShortened(stem)) {
            catalog.unrestorable.add(new Unrestored(
                    database, stem, "file", file + " has a shortened name and no metadata file holding the real one"));
            return;
        }
        String name = nameFromStem(stem, file);
        String why = name.startsWith(SeedFiles.BUCKETS_PREFIX)
                ? "time-series buckets without the collection's metadata file (its time-series options are unknown)"
                : DumpCatalog.whyNotRestored(name);
        if (why != null) {
            catalog.unrestorable.add(
                    new Unrestored(database, name, DumpCatalog.unrestoredKind(name), why + " (" + file + ")"));
            return;
        }
        if (specs.putIfAbsent(name, new CollectionSpec(name, "collection", new BsonDocument(), List.of())) != null) {
            throw new InvalidInputException("collection '" + name + "' has two data files in " + folder);
        }
        dataOf.put(name, file);
    }

    /** Pre-3.0 dumps: index entries of system.indexes.bson, matched by their ns without the database part. */
    private void attachLegacyIndexes(
            String database, Path file, List<BsonDocument> entries, Map<String, CollectionSpec> specs) {
        Map<String, List<BsonDocument>> byCollection = new LinkedHashMap<>();
        for (BsonDocument entry : entries) {
            String ns = entry.isString("ns") ? entry.getString("ns").getValue() : "";
            int dot = ns.indexOf('.');
            String collection = dot < 0 ? ns : ns.substring(dot + 1);
            byCollection.computeIfAbsent(collection, k -> new ArrayList<>()).add(entry);
        }
        byCollection.forEach((collection, indexes) -> {
            CollectionSpec spec = specs.get(collection);
            boolean namedAlready = catalog.unrestorable.stream()
                    .anyMatch(item ->
                            item.database().equals(database) && item.name().equals(collection));
            if (spec == null && namedAlready) {
                return; // its collection is named as not restored, and its indexes with it
            }
            if (spec == null) {
                for (BsonDocument index : indexes) {
                    catalog.unrestorable.add(new Unrestored(
                            database,
                            collection + "." + IndexSpecs.name(index),
                            "index",
                            file + " lists it for a collection the dump does not hold"));
                }
            } else {
                specs.put(collection, spec.withIndexes(indexes));
            }
        });
    }

    /** The data file of a time-series collection: system.buckets.<name> before 8.3, <name> from 8.3. */
    private static String bucketStem(String name, String stem, Map<String, Path> dataFiles, ServerVersion dumpedFrom) {
        String buckets = DumpNames.stem(SeedFiles.BUCKETS_PREFIX + name);
        boolean viewless = dumpedFrom != null && dumpedFrom.hasViewlessTimeseries();
        String expected = viewless ? stem : buckets;
        String other = viewless ? buckets : stem;
        return dataFiles.containsKey(expected) || !dataFiles.containsKey(other) ? expected : other;
    }

    private static String nameFromStem(String stem, Path file) {
        if (DumpNames.isShortened(stem)) {
            throw new InvalidInputException(file + ": a shortened file name needs the metadata's collectionName");
        }
        return DumpNames.unescape(stem, file.toString());
    }

    private DocumentStats scanData(Path file, String collection) {
        DocumentScan scan = new DocumentScan(collection);
        try (DumpReader reader = new DumpReader(file)) {
            while (reader.hasNext()) {
                RawBsonDocument document = reader.next();
                scan.add(
                        document.getBackingArray(), document.getByteOffset(), document.getByteLength(), reader.where());
            }
        }
        return scan.stats();
    }

    private static List<BsonDocument> readAllDocuments(Path file) {
        List<BsonDocument> documents = new ArrayList<>();
        try (DumpReader reader = new DumpReader(file)) {
            reader.forEachRemaining(document -> documents.add(document.toBsonDocument()));
        }
        return documents;
    }

    /** ServerVersion of a prelude.json[.gz] in the folder, if there is one. */
    private static java.util.Optional<String> prelude(Path folder) {
        if (folder == null) {
            return java.util.Optional.empty();
        }
        for (String name : List.of(SeedFiles.PRELUDE, SeedFiles.PRELUDE + SeedFiles.GZIP)) {
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                String text = StrictUtf8.decode(readAll(file), file.toString());
                try {
                    BsonDocument prelude = BsonDocument.parse(text);
                    return java.util.Optional.of(prelude.getString("ServerVersion", new org.bson.BsonString("unknown"))
                            .getValue());
                } catch (RuntimeException e) {
                    throw new InvalidInputException(file + ": not mongodump's prelude (" + e.getMessage() + ")", e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    static byte[] readAll(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream plain = SeedFiles.isGzip(file) ? DumpReader.gunzip(in, file) : in;
            return plain.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Hidden files are skipped (no collection name starts with a dot); dump-like ones are named. */
    private void hiddenDumpFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().startsWith("."))
                    .filter(file -> isCollectionFile(SeedFiles.plainName(file)))
                    .sorted()
                    .forEach(file -> catalog.notes.add(
                            "ignored hidden file " + file + ": no collection name starts with a dot"));
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Non-hidden entries, in name order. */
    static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> !file.getFileName().toString().startsWith("."))
                    .filter(file -> Files.isRegularFile(file) || Files.isDirectory(file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over every file's relative name and bytes, in name order, through the folders. */
    private static String hash(Path directory, List<Path> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            hashInto(digest, directory, entries);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the seed directory: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hashInto(MessageDigest digest, Path directory, List<Path> entries) throws IOException {
        for (Path entry : entries) {
            digest.update((directory.relativize(entry) + "\0").getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(entry)) {
                for (Path inner : list(entry)) {
                    if (Files.isRegularFile(inner)) {
                        digest.update((directory.relativize(inner) + "\0").getBytes(StandardCharsets.UTF_8));
                        try (InputStream in = new DigestInputStream(Files.newInputStream(inner), digest)) {
                            in.transferTo(OutputStream.nullOutputStream());
                        }
                    }
                }
            } else {
                try (InputStream in = new DigestInputStream(Files.newInputStream(entry), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
    }
}
