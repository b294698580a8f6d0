package dev.stackinit.shared;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a file error, as the shell would say it. Java's file exceptions carry the path as their message and
 * often no reason at all (an unwritable folder gives just the folder's name), so "cannot write x: x" told nobody why.
 */
public final class IoErrors {
    private IoErrors() {}

    /** {@code Permission denied}, {@code No such file or directory}, {@code No space left on device}, … */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs
                && fs.getReason() != null
                && !fs.getReason().isBlank()) {
            return fs.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
