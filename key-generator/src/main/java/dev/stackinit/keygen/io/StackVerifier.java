package dev.stackinit.keygen.io;

import dev.stackinit.keygen.Finding;
import dev.stackinit.keygen.KeyVerifier;
import dev.stackinit.keygen.VerifyRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code verify --env-file}: the key checks on the files' values, plus agreement between files and mapped copies. */
public final class StackVerifier {
    private final KeyVerifier verifier;

    public StackVerifier(KeyVerifier verifier) {
        this.verifier = verifier;
    }

    public List<Finding> verify(StackFiles stack, boolean allowDemo, Duration warnBefore) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> values = stack.merged(findings);
        findings.addAll(0, verifier.verify(new VerifyRequest(values, allowDemo, warnBefore)));
        stack.mapping().ifPresent(mapping -> checkMapping(stack, mapping, findings));
        stack.warnings().forEach(warning -> findings.add(Finding.warning("env file", warning)));
        return findings;
    }

    private static void checkMapping(StackFiles stack, EnvMapping mapping, List<Finding> findings) {
        Map<String, String> source = stack.file(mapping.source()).values();
        String sourceName = StackFiles.display(mapping.source());
        for (EnvMapping.Target target : mapping.targets()) {
            String file = StackFiles.display(target.file());
            if (!stack.exists(target.file())) {
                findings.add(Finding.error(file, "does not exist (the mapping sends values to it)"));
                continue;
            }
            Map<String, String> values = stack.file(target.file()).values();
            target.vars().forEach((to, from) -> {
                String subject = file + " " + to;
                if (!source.containsKey(from)) {
                    findings.add(
                            Finding.error(subject, "maps from " + from + ", which " + sourceName + " does not define"));
                } else if (!values.containsKey(to)) {
                    findings.add(
                            Finding.error(subject, "is missing (should equal " + from + " of " + sourceName + ")"));
                } else if (!values.get(to).equals(source.get(from))) {
                    findings.add(Finding.error(subject, "differs from " + from + " in " + sourceName));
                }
            });
        }
    }
}
