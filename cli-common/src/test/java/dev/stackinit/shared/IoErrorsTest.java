package dev.stackinit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void anAccessDeniedErrorNamesTheReasonNotJustThePath() {
        // what the JDK throws for EACCES: the path as message, no reason
        assertThat(IoErrors.describe(new AccessDeniedException("/srv/app/.env")))
                .isEqualTo("Permission denied");
        assertThat(IoErrors.describe(new NoSuchFileException("/srv/x"))).isEqualTo("No such file or directory");
        assertThat(IoErrors.describe(new FileSystemException("/srv/x", null, "Read-only file system")))
                .isEqualTo("Read-only file system");
        assertThat(IoErrors.describe(new IOException("No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(IoErrors.describe(new IOException())).isEqualTo("IOException");
    }

    @Test
    void aRealUnwritableFolderSaysPermissionDenied() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
        try {
            Files.createTempFile(folder, "x", ".tmp");
            // root writes anyway: nothing to show then
        } catch (IOException e) {
            assertThat(IoErrors.describe(e)).isEqualTo("Permission denied");
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
