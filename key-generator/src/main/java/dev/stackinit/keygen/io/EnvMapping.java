package dev.stackinit.keygen.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stackinit.errors.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One file that receives values: target variable → source variable, in the mapping's order. */
    public record Target(Path file, Map<String, String> vars) {}

    /** The YAML shape. */
    record Document(String source, List<TargetDocument> targets) {}

    record TargetDocument(String file, LinkedHashMap<String, String> vars) {}

    public static EnvMapping load(Path mappingFile) {
        Document document;
        try {
            document = YAML.readValue(Files.readString(mappingFile), Document.class);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("mapping file " + mappingFile + " does not exist", e);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "mapping file " + mappingFile + " is not valid: " + firstLine(e.getMessage()), e);
        }
        if (document == null || document.source() == null || document.source().isBlank()) {
            throw new InvalidInputException("mapping file " + mappingFile + " has no 'source' (the main env file)");
        }
        Path folder = mappingFile.toAbsolutePath().normalize().getParent();
        List<Target> targets = new ArrayList<>();
        for (TargetDocument target : document.targets() == null ? List.<TargetDocument>of() : document.targets()) {
            targets.add(target(mappingFile, folder, target));
        }
        return new EnvMapping(mappingFile, folder.resolve(document.source()).normalize(), List.copyOf(targets));
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
                folder.resolve(target.file()).normalize(),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(target.vars())));
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
