package com.clinic.notifications.application.templates;

/**
 * The one page every e-mail's HTML body fragment is set in. Inline styles only: mail clients drop
 * {@code <style>} blocks and never load style sheets. Direction and language are repeated on the
 * content's own element because some clients (webmail) strip the {@code <html>} element's attributes.
 */
final class EmailLayout {

    private EmailLayout() {}

    static String page(String language, boolean rightToLeft, String subject, String fragment) {
        String dir = rightToLeft ? "rtl" : "ltr";
        String align = rightToLeft ? "right" : "left";
        return "<!DOCTYPE html>\n"
                + "<html lang=\"" + language + "\" dir=\"" + dir + "\">\n"
                + "<head>\n"
                + "<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(subject) + "</title>\n"
                + "</head>\n"
                + "<body style=\"margin:0;padding:0;background-color:#f3f5f7;\">\n"
                + "<div lang=\"" + language + "\" dir=\"" + dir + "\" style=\"direction:" + dir + ";text-align:" + align
                + ";max-width:600px;margin:0 auto;padding:24px;background-color:#ffffff;color:#1f2933;"
                + "font-family:Tahoma,Arial,'Segoe UI',sans-serif;font-size:16px;line-height:1.6;\">\n"
                + fragment.strip() + "\n"
                + "</div>\n"
                + "</body>\n"
                + "</html>\n";
    }
}
