package dev.stackinit.seeder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * A second, deliberately different reader of mongodump archives, for checking what the exporter writes: the whole
 * archive in one little-endian ByteBuffer, blocks split by the spec's grammar, headers decoded by the bson library,
 * CRCs recomputed bit by bit ({@link DumpBuilder#crc64}). It shares no code with the production reader.
 */
public final class IndependentArchiveReader {
    public final BsonDocument header;
    public final List<BsonDocument> prelude = new ArrayList<>();
    /** Every namespace header in order ("db.coll" or "db.coll EOF"), to see the interleaving. */
    public final List<String> blocks = new ArrayList<>();
    /** The documents of each namespace, in archive order. */
    public final Map<String, List<byte[]>> documents = new LinkedHashMap<>();

    private IndependentArchiveReader(byte[] archive) {
        ByteBuffer in = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt() != 0x8199e26d) {
            throw new IllegalStateException("no magic number");
        }
        header = document(in);
        while (in.getInt(in.position()) != -1) {
            prelude.add(document(in));
        }
        in.getInt();
        Map<String, Long> crcs = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            BsonDocument block = document(in);
            String ns = block.getString("db").getValue() + "."
                    + block.getString("collection").getValue();
            boolean eof = block.getBoolean("EOF").getValue();
            if (!block.isInt64("CRC") || block.size() != 4) {
                throw new IllegalStateException("bad namespace header " + block.toJson());
            }
            blocks.add(eof ? ns + " EOF" : ns);
            List<byte[]> docs = documents.computeIfAbsent(ns, k -> new ArrayList<>());
            while (in.getInt(in.position()) != -1) {
                if (eof) {
                    throw new IllegalStateException("documents after EOF of " + ns);
                }
                int length = in.getInt(in.position());
                byte[] doc = Arrays.copyOfRange(archive, in.position(), in.position() + length);
                in.position(in.position() + length);
                docs.add(doc);
            }
            in.getInt();
            if (eof) {
                crcs.put(ns, block.getInt64("CRC").getValue());
            }
        }
        documents.forEach((ns, docs) -> {
            long expected = DumpBuilder.crc64(DumpBuilder.concat(docs));
            if (!crcs.containsKey(ns) || crcs.get(ns) != expected) {
                throw new IllegalStateException("CRC of " + ns + ": " + crcs.get(ns) + " != " + expected);
            }
        });
    }

    /** Reads an archive, gunzipping it when it starts with gzip's magic bytes. */
    public static IndependentArchiveReader read(byte[] bytes) {
        if (bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = gzip.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new IndependentArchiveReader(bytes);
    }

    private static BsonDocument document(ByteBuffer in) {
        int length = in.getInt(in.position());
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new RawBsonDocument(bytes).toBsonDocument();
    }
}
