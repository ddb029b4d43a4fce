package io.writ.bastion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The JSON the agent writes to the portal and reads back from it and from Keycloak. */
class JsonTest {

    @Test
    void anEventWithNestedListsAndObjectsComesBackAsItWasWritten() {
        var event = fields(
                "eventId", "s-1#7",
                "type", "COMMAND",
                "seq", 7L,
                "elapsed", 1.5,
                "full", true,
                "sessions", List.of(Map.of("session", "s-1", "writ", "w-9"), Map.of("session", "s-2", "writ", "w-3")),
                "writ", fields("id", "w-9", "targets", List.of("bastion-1", "bastion-*"), "empty", List.of()));

        assertThat(Json.parse(Json.write(event))).isEqualTo(event);
    }

    @Test
    void fieldsAreWrittenInTheirOrderAsCompactJson() {
        assertThat(Json.write(fields("b", "x", "a", 1L, "ok", false, "list", List.of(1L, "two"))))
                .isEqualTo("{\"b\":\"x\",\"a\":1,\"ok\":false,\"list\":[1,\"two\"]}");
    }

    @Test
    void aCommandHoldingQuotesBackslashesAndLineBreaksComesBackUnchanged() {
        var command = "printf \"%s\\n\" 'a\tb' \\\nC:\\temp\\new \r\n\"quoted\" \\\\server";
        var written = Json.write(fields("detail", command));

        assertThat(written).doesNotContain("\n", "\r", "\t");
        assertThat(Json.object(written)).containsExactly(entry("detail", command));
    }

    @Test
    void controlCharactersAreEscapedAndComeBack() {
        var detail = "bell\u0007 start\u0001 end\u001f del\u007f";
        var written = Json.write(fields("detail", detail));

        assertThat(written).contains("\\u0007", "\\u0001", "\\u001f", "\\u007f")
                .doesNotContain("\u0001", "\u0007", "\u001f", "\u007f");
        assertThat(Json.object(written)).containsExactly(entry("detail", detail));
    }

    @Test
    void nonAsciiTextAndEmojiAreWrittenAsTheyAreAndComeBack() {
        var detail = "cd /home/zoë && echo 'Grüße, 日本' > 📁/😀.txt";
        var written = Json.write(fields("detail", detail));

        assertThat(written).contains("zoë", "日本", "😀");
        assertThat(Json.object(written)).containsExactly(entry("detail", detail));
    }

    @Test
    void aSurrogatePairSentAsEscapesIsReadAsTheEmoji() {
        assertThat(Json.object("{\"detail\":\"smile \\ud83d\\ude00, caf\\u00e9\"}"))
                .containsExactly(entry("detail", "smile 😀, café"));
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheTextStaysValidAndComesBack() {
        // A command clipped in the middle of an emoji ends in half of it.
        var clipped = "echo \ud83d";
        var written = Json.write(fields("detail", clipped));

        assertThat(written).contains("\\ud83d");
        assertThat(Json.object(written)).containsExactly(entry("detail", clipped));
    }

    @Test
    void nullValuesAreLeftOut() {
        var inner = fields("kept", "yes", "dropped", null);
        var written = Json.write(fields("directory", null, "detail", "ls", "inner", inner));

        assertThat(written).isEqualTo("{\"detail\":\"ls\",\"inner\":{\"kept\":\"yes\"}}");
    }

    @Test
    void anObjectOfOnlyNullsIsEmpty() {
        assertThat(Json.write(fields("a", null, "b", null))).isEqualTo("{}");
    }

    @Test
    void theAnswersOfThePortalAreRead() {
        var answer = Json.object(" {\n  \"admitted\" : true,\n  \"writ\": \"w-1\", \"until\": null,\n"
                + "  \"accepted\": 3, \"ratio\": -1.5e3, \"rejected\": [ ], \"path\": \"a\\/b\"\n} ");

        assertThat(answer).containsExactly(
                entry("admitted", true),
                entry("writ", "w-1"),
                entry("until", null),
                entry("accepted", 3L),
                entry("ratio", -1500.0),
                entry("rejected", List.of()),
                entry("path", "a/b"));
    }

    @Test
    void aValueOtherThanAnObjectIsReadAsWhatItIs() {
        assertThat(Json.parse("[1, \"a\", null, false]")).isEqualTo(java.util.Arrays.asList(1L, "a", null, false));
        assertThat(Json.parse("\"text\"")).isEqualTo("text");
        assertThat(Json.parse("42")).isEqualTo(42L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "   ",
            "{",
            "{\"a\":1",
            "{\"a\":}",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "{a:1}",
            "{'a':1}",
            "[1,]",
            "[1 2]",
            "\"unterminated",
            "\"\\u12\"",
            "tru",
            "nul",
            "-",
            "1.2.3",
            "{} trailing",
            "{\"a\":1}}",
            "<html>502 Bad Gateway</html>"})
    void whatIsNotJsonIsAnIllegalArgument(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRefusalNamesWhatCouldNotBeRead() {
        assertThatThrownBy(() -> Json.parse("<html>502 Bad Gateway</html>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON")
                .hasMessageContaining("502 Bad Gateway");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "42", "true", "null"})
    void anObjectIsExpectedWhereOneIsAskedFor(String text) {
        assertThatThrownBy(() -> Json.object(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void anEmptyObjectIsAnObject() {
        assertThat(Json.object(" { } ")).isEmpty();
    }

    /** Fields in this order; values may be null (which Map.of refuses). */
    private static Map<String, Object> fields(Object... namesAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
