package dev.stackinit.migrator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a PostgreSQL script into statements at top-level semicolons, keeping each statement's start line. Knows
 * comments ({@code --}, nested {@code /* *}{@code /}), strings ({@code '..'}, {@code E'..'}), quoted identifiers, dollar
 * quotes ({@code $tag$..$tag$}) and SQL-standard function bodies ({@code BEGIN ATOMIC .. END}).
 */
public final class SqlSplitter {
    private final String text;
    private final List<SqlStatement> statements = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int start = -1;
    private int startLine;
    private int atomicDepth;
    private String lastWord = "";

    private SqlSplitter(String text) {
        this.text = text;
    }

    public static List<SqlStatement> split(String text) {
        SqlSplitter splitter = new SqlSplitter(text);
        splitter.run();
        return List.copyOf(splitter.statements);
    }

    private void run() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
            if (c == '-' && next == '-') {
                skipLineComment();
            } else if (c == '/' && next == '*') {
                skipBlockComment();
            } else if (Character.isWhitespace(c)) {
                advance();
            } else if (c == ';' && atomicDepth == 0) {
                finishStatement(pos);
                advance();
            } else {
                markStart();
                if (c == '\'') {
                    skipString(isEscapeStringPrefix());
                } else if (c == '"') {
                    skipQuoted('"');
                } else if (c == '$' && dollarTagAt(pos) != null) {
                    skipDollarQuote(dollarTagAt(pos));
                } else if (Character.isLetter(c) || c == '_') {
                    readWord();
                } else {
                    advance();
                }
            }
        }
        finishStatement(text.length());
    }

    private void markStart() {
        if (start < 0) {
            start = pos;
            startLine = line;
        }
    }

    private void finishStatement(int end) {
        if (start >= 0) {
            statements.add(new SqlStatement(text.substring(start, end).stripTrailing(), startLine));
        }
        start = -1;
        atomicDepth = 0;
        lastWord = "";
    }

    private void advance() {
        if (text.charAt(pos) == '\n') {
            line++;
        }
        pos++;
    }

    private void skipLineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipBlockComment() {
        int depth = 0;
        do {
            if (text.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (text.startsWith("*/", pos)) {
                depth--;
                pos += 2;
            } else {
                advance();
            }
        } while (depth > 0 && pos < text.length());
    }

    private boolean isEscapeStringPrefix() {
        if (pos == 0 || Character.toUpperCase(text.charAt(pos - 1)) != 'E') {
            return false;
        }
        return pos < 2 || !isIdentifierChar(text.charAt(pos - 2));
    }

    private void skipString(boolean backslashEscapes) {
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (backslashEscapes && c == '\\') {
                advance();
                if (pos < text.length()) {
                    advance();
                }
            } else if (c == '\'') {
                advance();
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    advance();
                } else {
                    return;
                }
            } else {
                advance();
            }
        }
    }

    private void skipQuoted(char quote) {
        advance();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            advance();
            if (c == quote) {
                if (pos < text.length() && text.charAt(pos) == quote) {
                    advance();
                } else {
                    return;
                }
            }
        }
    }

    /** The tag ({@code $$} or {@code $name$}) starting here, or null if this {@code $} opens no dollar quote. */
    private String dollarTagAt(int at) {
        if (at > 0 && isIdentifierChar(text.charAt(at - 1))) {
            return null;
        }
        int i = at + 1;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            if (i == at + 1 && Character.isDigit(text.charAt(i))) {
                return null; // $1 is a parameter
            }
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? text.substring(at, i + 1) : null;
    }

    private void skipDollarQuote(String tag) {
        int close = text.indexOf(tag, pos + tag.length());
        int end = close < 0 ? text.length() : close + tag.length();
        while (pos < end) {
            advance();
        }
    }

    private void readWord() {
        int wordStart = pos;
        while (pos < text.length() && isIdentifierChar(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(wordStart, pos).toUpperCase(Locale.ROOT);
        if (word.equals("ATOMIC") && lastWord.equals("BEGIN")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("CASE")) {
            atomicDepth++;
        } else if (atomicDepth > 0 && word.equals("END")) {
            atomicDepth--;
        }
        lastWord = word;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
