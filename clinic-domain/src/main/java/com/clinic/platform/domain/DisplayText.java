package com.clinic.platform.domain;

import java.text.Normalizer;

/**
 * Text that other people will read as typed: names, addresses, notes. It is kept in Unicode NFC, so
 * that the same name typed on two keyboards is the same string (search, duplicates, PDFs), and it
 * may not carry characters that change how the text around it is shown without being seen
 * themselves:
 *
 * <ul>
 *   <li>bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069) and marks
 *       (U+200E, U+200F, U+061C): an override makes "Ali" display over other letters, the
 *       "Trojan Source" trick, and a stray one reorders everything after it in a list or a report;
 *   <li>zero-width and invisible characters (U+200B-200D, U+2060-2064, U+FEFF byte-order mark,
 *       soft hyphen U+00AD, U+180E): two names that look the same would be different records;
 *   <li>every other format, control, private-use or unassigned code point, and line or paragraph
 *       separators; multi-line text may still hold line feeds, carriage returns and tabs.
 * </ul>
 *
 * <p>Arabic and English script, Arabic-Indic digits, combining marks (harakat) and punctuation all
 * pass: only characters that are invisible or reorder others are refused. Arabic itself needs
 * none of them, since the bidirectional algorithm orders it from the letters alone.
 */
public final class DisplayText {

    private DisplayText() {}

    /** The text in NFC; {@code null} stays {@code null}. */
    public static String normalize(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Whether a one-line text (a name, a title) holds only characters that show as themselves. */
    public static boolean isClean(String text) {
        return isClean(text, false);
    }

    /** Whether the text holds only visible characters, plus line breaks and tabs when multi-line. */
    public static boolean isClean(String text, boolean multiline) {
        if (text == null) {
            return true;
        }
        return text.codePoints().allMatch(c -> allowed(c, multiline));
    }

    private static boolean allowed(int codePoint, boolean multiline) {
        if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
            return multiline;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            // U+180E (Mongolian vowel separator) is a space separator in some Unicode versions and a
            // format character in others; either way it is invisible.
            default -> codePoint != 0x180E;
        };
    }
}
