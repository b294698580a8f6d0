package dev.stackinit.keygen.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.StrictUtf8;
import dev.stackinit.shared.YamlErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which variable of which file receives which value of the stack's main env file. Paths in the YAML are relative to
 * the mapping file; here they are resolved.
 *
 * <pre>
 * source: .env
 * targets:
 *   - file: stackend.env
 *     vars:
 *       SUPABASE_ANON_KEY: ANON_KEY     # TARGET_VARIABLE: SOURCE_VARIABLE
 * </pre>
 */
public record EnvMapping(Path mappingFile, Path source, List<Target> targets) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** One file that receives values: target variable → source variable, in the mapping's order. */
    public record Target(Path file, Map<String, String> vars) {}

    /** The YAML shape. */
    record Document(String source, List<TargetDocument> targets) {}

    record TargetDocument(String file, LinkedHashMap<String, String> vars) {}

    public static EnvMapping load(Path mappingFile) {
        if (!Files.exists(mappingFile)) {
            throw new InvalidInputException("mapping file " + mappingFile + " does not exist");
        }
        String text = StrictUtf8.read(mappingFile);
        Document document;
        try {
            document = YAML.readValue(text, Document.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("mapping file " + YamlErrors.describe(mappingFile.toString(), e, text), e);
        }
        if (document == null || document.source() == null || document.source().isBlank()) {
            throw new InvalidInputException("mapping file " + mappingFile + " has no 'source' (the main env file)");
        }
        Path folder = mappingFile.toAbsolutePath().normalize().getParent();
        List<Target> targets = new ArrayList<>();
        for (TargetDocument target : document.targets() == null ? List.<TargetDocument>of() : document.targets()) {
            targets.add(target(mappingFile, folder, target));
        }
        return new EnvMapping(
                mappingFile, confined(mappingFile, folder, document.source(), "source"), List.copyOf(targets));
    }

    /**
     * A path of the mapping, resolved against its folder. A relative path must stay inside that folder's tree
     * ({@code ../../x.env} would write wherever the mapping file happens to sit); a file elsewhere is written as an
     * absolute path, which says so on purpose.
     */
    static Path confined(Path mappingFile, Path folder, String file, String what) {
        Path given;
        try {
            given = Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException(
                    "mapping file " + mappingFile + ": " + what + " '" + file + "' is not a file path", e);
        }
        if (given.isAbsolute()) {
            return given.normalize();
        }
        Path resolved = folder.resolve(given).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw new InvalidInputException("mapping file " + mappingFile + ": " + what + " '" + file
                    + "' is outside the mapping's folder " + folder + " (write an absolute path if that is meant)");
        }
        return resolved;
    }

    private static Target target(Path mappingFile, Path folder, TargetDocument target) {
        if (target == null || target.file() == null || target.file().isBlank()) {
            throw new InvalidInputException("mapping file " + mappingFile + ": every target needs a 'file'");
        }
        if (target.vars() == null || target.vars().isEmpty()) {
            throw new InvalidInputException(
                    "mapping file " + mappingFile + ": target " + target.file() + " has no 'vars'");
        }
        for (Map.Entry<String, String> var : target.vars().entrySet()) {
            if (!NAME.matcher(var.getKey()).matches()
                    || var.getValue() == null
                    || !NAME.matcher(var.getValue()).matches()) {
                throw new InvalidInputException("mapping file " + mappingFile + ": target " + target.file() + ": '"
                        + var.getKey() + ": " + var.getValue() + "' is not TARGET_VARIABLE: SOURCE_VARIABLE");
            }
        }
        return new Target(
                confined(mappingFile, folder, target.file(), "target"),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(target.vars())));
    }
}
