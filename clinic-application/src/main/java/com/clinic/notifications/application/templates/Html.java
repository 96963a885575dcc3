package com.clinic.notifications.application.templates;

/** The two things a value needs before it goes into an e-mail's HTML. */
final class Html {

    private Html() {}

    /** Text as HTML text or attribute value (quoted with either quote). */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Escaped and bidi-isolated: a Latin name or a date with digits, colons and "ص" inside Arabic text
     * keeps its own order and does not pull the punctuation around it to the wrong side.
     */
    static String isolate(String text) {
        return "<bdi>" + escape(text) + "</bdi>";
    }
}
