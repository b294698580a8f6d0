package dev.stackinit.cli;

import dev.stackinit.shared.SecretMasker;
import java.io.IOException;
import java.io.Writer;

/** Passes text through {@link SecretMasker} line by line, so a secret split across writes is still caught. */
public final class MaskingWriter extends Writer {
    private final Writer target;
    private final SecretMasker masker;
    private final StringBuilder line = new StringBuilder();

    public MaskingWriter(Writer target, SecretMasker masker) {
        this.target = target;
        this.masker = masker;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            line.append(c);
            if (c == '\n' || c == '\r') {
                emit();
            }
        }
    }

    private void emit() throws IOException {
        target.write(masker.mask(line.toString()));
        line.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        if (line.length() > 0) {
            emit();
        }
        target.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
