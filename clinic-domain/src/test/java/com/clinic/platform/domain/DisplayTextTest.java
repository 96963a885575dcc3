package com.clinic.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

    @Test
    void realArabicAndEnglishNamesAreClean() {
        for (String name : new String[] {
            "منى القحطاني",
            "عبدُ الرَّحمن",
            "د. سارة الحربي",
            "Mona Al-Qahtani",
            "Zoë O'Brien-Núñez",
            "Jean-Luc d’Arcy",
            "محمد ٣",
            "فرع العليا (الرياض)"
        }) {
            assertThat(DisplayText.isClean(name)).as(name).isTrue();
        }
    }

    @Test
    void bidiControlsAndInvisibleCharactersAreRefused() {
        String[] hidden = {
            "\u202E", // right-to-left override
            "\u202A", // left-to-right embedding
            "\u2066", // left-to-right isolate
            "\u2069", // pop directional isolate
            "\u200F", // right-to-left mark
            "\u061C", // Arabic letter mark
            "\u200B", // zero-width space
            "\u200C", // zero-width non-joiner
            "\u200D", // zero-width joiner
            "\u2060", // word joiner
            "\uFEFF", // byte-order mark
            "\u00AD", // soft hyphen
            "\u180E", // Mongolian vowel separator
            "\u0007", // bell
            "\uE000", // private use
            "\u2028" // line separator
        };
        for (String character : hidden) {
            String name = "Ali" + character + "ecila";
            assertThat(DisplayText.isClean(name))
                    .as("U+%04X", (int) character.charAt(0))
                    .isFalse();
            assertThat(DisplayText.isClean(name, true)).isFalse();
        }
    }

    @Test
    void lineBreaksAndTabsPassOnlyInMultiLineText() {
        assertThat(DisplayText.isClean("first line\nsecond\tline")).isFalse();
        assertThat(DisplayText.isClean("first line\r\nsecond\tline", true)).isTrue();
    }

    @Test
    void normalizingComposesToNfc() {
        String decomposed = "Zoe\u0308"; // e + combining diaeresis
        assertThat(DisplayText.normalize(decomposed)).isEqualTo("Zoë");
        String arabicDecomposed = "\u0627\u0653"; // alef + madda above
        assertThat(DisplayText.normalize(arabicDecomposed)).isEqualTo("\u0622");
        assertThat(DisplayText.normalize(null)).isNull();
    }
}
