package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.MongoCommands;
import dev.stackinit.seeder.SourceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * A seed directory read as a source: our export ({@code <coll>.jsonl}) or mongodump's ({@code <coll>.bson}, optionally
 * gzipped), each with {@code <coll>.metadata.json}. Opening validates every file and hashes the content, so a bad
 * file fails before anything is written and an unchanged directory is recognised.
 */
public final class SeedDirectorySource implements SourceStore {
    private final Path directory;
    private final String contentHash;
    private final Map<String, Path> dataFiles;
    private final Map<String, Long> counts;
    private final List<CollectionSpec> specs;

    private SeedDirectorySource(
            Path directory,
            String contentHash,
            Map<String, Path> dataFiles,
            Map<String, Long> counts,
            List<CollectionSpec> specs) {
        this.directory = directory;
        this.contentHash = contentHash;
        this.dataFiles = dataFiles;
        this.counts = counts;
        this.specs = specs;
    }

    public static SeedDirectorySource open(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("seed directory " + directory + " does not exist");
        }
        Map<String, Path> metadataFiles = new TreeMap<>();
        Map<String, Path> dataFiles = new TreeMap<>();
        List<Path> files = list(directory);
        for (Path file : files) {
            String name = file.getFileName().toString();
            String plain = name.endsWith(SeedFiles.GZIP) ? name.substring(0, name.length() - 3) : name;
            if (plain.endsWith(SeedFiles.METADATA)) {
                metadataFiles.put(strip(plain, SeedFiles.METADATA), file);
            } else if (plain.endsWith(SeedFiles.DOCUMENTS) || plain.endsWith(SeedFiles.DUMP)) {
                String collection = strip(plain, plain.endsWith(SeedFiles.DUMP) ? SeedFiles.DUMP : SeedFiles.DOCUMENTS);
                if (dataFiles.put(collection, file) != null) {
                    throw new InvalidInputException(
                            "two data files for collection '" + collection + "' in " + directory);
                }
            }
        }
        dataFiles.keySet().removeIf(SeedDirectorySource::skipped);
        metadataFiles.keySet().removeIf(SeedDirectorySource::skipped);
        List<CollectionSpec> specs = new ArrayList<>();
        Map<String, Long> counts = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(dataFiles.keySet());
        names.addAll(metadataFiles.keySet());
        for (String collection : names) {
            CollectionSpec spec = readMetadata(collection, metadataFiles.get(collection));
            specs.add(spec);
            if (!spec.isView()) {
                counts.put(collection, validate(dataFiles.get(collection)));
            }
        }
        return new SeedDirectorySource(directory, hash(files), dataFiles, counts, specs);
    }

    private static boolean skipped(String collection) {
        return MongoCommands.isSystem(collection)
                || MongoCommands.isOwn(collection)
                || collection.startsWith("$")
                || collection.equals("oplog")
                || collection.equals("prelude");
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static CollectionSpec readMetadata(String collection, Path file) {
        if (file == null) {
            return new CollectionSpec(collection, "collection", new BsonDocument(), List.of());
        }
        try {
            BsonDocument metadata = BsonDocument.parse(new String(readAll(file), StandardCharsets.UTF_8));
            List<BsonDocument> indexes = metadata.getArray("indexes", new BsonArray()).stream()
                    .map(index -> index.asDocument())
                    .toList();
            return new CollectionSpec(
                    collection,
                    metadata.getString("type", new BsonString("collection")).getValue(),
                    metadata.getDocument("options", new BsonDocument()),
                    indexes);
        } catch (RuntimeException e) {
            throw new InvalidInputException("invalid metadata file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads every document once; returns the count. */
    private static long validate(Path file) {
        if (file == null) {
            return 0;
        }
        long count = 0;
        try (DumpReader reader = new DumpReader(file)) {
            while (reader.hasNext()) {
                reader.next();
                count++;
            }
        }
        return count;
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream plain = file.getFileName().toString().endsWith(SeedFiles.GZIP) ? new GZIPInputStream(in) : in;
            return plain.readAllBytes();
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** SHA-256 over every file's name and bytes, in name order. */
    private static String hash(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update((file.getFileName() + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read the seed directory: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String contentHash() {
        return contentHash;
    }

    @Override
    public String location() {
        return "seed-dir:" + contentHash;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    /** A directory holds one database: the name asked for is the name it is imported under. */
    @Override
    public List<CollectionSpec> collections(String database) {
        return specs;
    }

    @Override
    public long estimatedCount(String database, String collection) {
        return counts.getOrDefault(collection, 0L);
    }

    /** Files are read in file order (an export is already in _id order); sortById is not applied. */
    @Override
    public DocumentStream documents(String database, String collection, long limit, boolean sortById) {
        Path file = dataFiles.get(collection);
        if (file == null) {
            return new DumpReader.Empty();
        }
        DumpReader reader = new DumpReader(file);
        return limit > 0 ? new Limited(reader, limit) : reader;
    }

    private static final class Limited implements DocumentStream {
        private final DocumentStream inner;
        private long left;

        Limited(DocumentStream inner, long limit) {
            this.inner = inner;
            this.left = limit;
        }

        @Override
        public boolean hasNext() {
            return left > 0 && inner.hasNext();
        }

        @Override
        public org.bson.RawBsonDocument next() {
            left--;
            return inner.next();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
