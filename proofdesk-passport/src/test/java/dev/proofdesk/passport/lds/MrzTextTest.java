package dev.proofdesk.passport.lds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one transliteration that documents and sanctions screening share (ICAO 9303 part 3 §6). */
class MrzTextTest {

    @Test
    void accentsAndApostrophesGoAndLigaturesAreSpelledOut() {
        assertThat(MrzText.of("Zoë O'Neill-Ødegård")).isEqualTo("ZOE<ONEILL<OEDEGARD");
        assertThat(MrzText.of("d`Ærøskøbing ß ẞ Ĳssel")).isEqualTo("DAEROESKOEBING<SS<SS<IJSSEL");
    }

    @Test
    void anMrzFieldHasOneFillerPerGapAndNoneAtItsEnds() {
        assertThat(MrzText.of("  Anna --  Maria ")).isEqualTo("ANNA<MARIA");
    }

    @Test
    void screeningAsksForItsOwnSeparator() {
        assertThat(MrzText.transliterate("Anna-Maria  Łukasz", " ")).isEqualTo("ANNA MARIA  LUKASZ");
    }
}
