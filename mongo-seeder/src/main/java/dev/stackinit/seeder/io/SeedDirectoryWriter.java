package dev.stackinit.seeder.io;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.seeder.CollectionSpec;
import dev.stackinit.seeder.DocumentStream;
import dev.stackinit.seeder.SeedSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Writes an export: {@code <coll>.jsonl} and {@code <coll>.metadata.json} (mongodump's metadata shape). Each file goes
 * to a temporary file in the same folder and replaces the old one by rename only if its bytes changed.
 */
public final class SeedDirectoryWriter implements SeedSink {
    private final Path directory;
    private final Set<Path> written = new HashSet<>();

    public SeedDirectoryWriter(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the seed directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean write(CollectionSpec spec, DocumentStream documents) {
        BsonDocument metadata = new BsonDocument("options", spec.options())
                .append("indexes", new BsonArray(new ArrayList<>(spec.indexes())))
                .append("collectionName", new BsonString(spec.name()))
                .append("type", new BsonString(spec.type()));
        boolean changed = replaceIfChanged(spec.name() + SeedFiles.METADATA, writer -> {
            writer.write(metadata.toJson(SeedFiles.PRETTY));
            writer.write('\n');
        });
        if (documents != null) {
            changed |= replaceIfChanged(spec.name() + SeedFiles.DOCUMENTS, writer -> {
                while (documents.hasNext()) {
                    writer.write(documents.next().toJson(SeedFiles.LINE));
                    writer.write('\n');
                }
            });
        }
        return changed;
    }

    @Override
    public int finish() {
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> isSeedFile(file.getFileName().toString()) && !written.contains(file))
                    .forEach(stale::add);
            for (Path file : stale) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stale.size();
    }

    private static boolean isSeedFile(String name) {
        return name.endsWith(SeedFiles.DOCUMENTS) || name.endsWith(SeedFiles.METADATA);
    }

    private interface Content {
        void writeTo(BufferedWriter writer) throws IOException;
    }

    private boolean replaceIfChanged(String fileName, Content content) {
        Path file = directory.resolve(fileName);
        written.add(file);
        Path temporary = directory.resolve("." + fileName + ".tmp");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            if (Files.exists(file) && Files.mismatch(file, temporary) == -1) {
                Files.delete(temporary);
                return false;
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new InvalidInputException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temporary); // left only when writing failed
            } catch (IOException ignored) {
                // the first failure is the one to report
            }
        }
    }
}
