package dev.stackinit.cli.options;

import dev.stackinit.errors.InvalidInputException;
import dev.stackinit.shared.PercentEncoding;

/** Puts a password from a file into a MongoDB connection string, URL-encoded, so it never has to travel in argv. */
final class MongoUris {
    private MongoUris() {}

    static String withPassword(String uri, String password, String uriOption, String fileOption) {
        int scheme = uri.indexOf("://");
        int end = firstOf(uri, scheme + 3, '/', '?');
        int at = uri.lastIndexOf('@', end - 1);
        if (scheme < 0 || at < scheme) {
            throw new InvalidInputException(
                    fileOption + " needs a user in " + uriOption + " (mongodb://user@host:port/…)");
        }
        String userInfo = uri.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        // the file's password wins over one written in the URI, as --password-file does for PostgreSQL URLs
        String encoded = PercentEncoding.encode(password);
        return uri.substring(0, scheme + 3) + user + ":" + encoded + uri.substring(at);
    }

    private static int firstOf(String text, int from, char a, char b) {
        for (int i = Math.max(from, 0); i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }
}
