package dev.stackinit.seeder.mongo;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.errors.UsageException;
import dev.stackinit.shared.PercentEncoding;

/**
 * The user info of a {@code mongodb://} or {@code mongodb+srv://} URI as text, before the driver parses it: a password
 * that came from a file or the environment goes in percent-encoded (so any character is fine), and rs-init drops the
 * user info for its unauthenticated connection. Text that is no such URI passes through; the parser names its fault.
 */
public final class UriCredentials {
    private UriCredentials() {}

    /**
     * The URI with {@code password} as the password of the user it names.
     *
     * @param option the URI's option, and where the password came from, for the error line
     */
    public static String withPassword(String uri, String password, String option, String passwordSource) {
        int[] userInfo = userInfo(uri);
        if (userInfo == null) {
            throw new InvalidInputException(passwordSource + " is set, but " + option
                    + " names no user for it: write the user into the URI, e.g. mongodb://root@host:27017/");
        }
        if (uri.substring(userInfo[0], userInfo[1]).contains(":")) {
            throw new UsageException("the password of " + option + " comes from two places (the URI or its"
                    + " -password-file, and " + passwordSource + "): keep only one of them");
        }
        return uri.substring(0, userInfo[1]) + ":" + PercentEncoding.encode(password) + uri.substring(userInfo[1]);
    }

    /** The URI without {@code user[:password]@}. */
    public static String withoutUserInfo(String uri) {
        int[] userInfo = userInfo(uri);
        return userInfo == null ? uri : uri.substring(0, userInfo[0]) + uri.substring(userInfo[1] + 1);
    }

    /** Whether the URI names a user but no password (the driver refuses to parse that). */
    public static boolean hasUserWithoutPassword(String uri) {
        int[] userInfo = userInfo(uri);
        return userInfo != null && !uri.substring(userInfo[0], userInfo[1]).contains(":");
    }

    /** [start, end) of the user info (end is the '@'), or null when the URI has none. */
    private static int[] userInfo(String uri) {
        if (uri == null) {
            return null;
        }
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = uri.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = uri.indexOf(stop, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        int at = uri.lastIndexOf('@', end - 1);
        return at < start ? null : new int[] {start, at};
    }
}
