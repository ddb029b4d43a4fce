package io.writ.bastion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A session's terminal as script(1) recorded it (its output log, whose first line says the terminal's size, and
 * its timing: "seconds-since-the-last bytes" a line), made into asciicast v2, which asciinema-player replays: a
 * header line, then {@code [seconds, "o", text]} a line.
 */
final class Recording {

    private static final Pattern SIZE = Pattern.compile("COLUMNS=\"(\\d+)\" LINES=\"(\\d+)\"");

    private Recording() {
    }

    static byte[] asciicast(Path typescript, Path timing, Instant started) throws IOException {
        var log = Files.readAllBytes(typescript);
        int body = 0;
        while (body < log.length && log[body] != '\n') {
            body++;
        }
        var header = new String(log, 0, body, StandardCharsets.UTF_8);
        body = Math.min(body + 1, log.length);
        var size = SIZE.matcher(header);
        boolean sized = size.find();
        var fields = new LinkedHashMap<String, Object>();
        fields.put("version", 2);
        fields.put("width", sized ? Integer.parseInt(size.group(1)) : 80);
        fields.put("height", sized ? Integer.parseInt(size.group(2)) : 24);
        fields.put("timestamp", started.getEpochSecond());
        fields.put("env", Map.of("TERM", "xterm"));
        var out = new ByteArrayOutputStream(log.length + log.length / 4);
        out.writeBytes((Json.write(fields) + "\n").getBytes(StandardCharsets.UTF_8));

        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        var pending = ByteBuffer.allocate(0);
        double at = 0;
        int read = body;
        for (var line : Files.readAllLines(timing)) {
            var parts = line.strip().split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            at += Double.parseDouble(parts[0]);
            int count = Math.min(Integer.parseInt(parts[1]), log.length - read);
            if (count <= 0) {
                break;
            }
            var chunk = ByteBuffer.allocate(pending.remaining() + count);
            chunk.put(pending).put(log, read, count).flip();
            read += count;
            var text = CharBuffer.allocate(chunk.remaining() + 1);
            utf8.decode(chunk, text, false);
            pending = chunk.slice();
            text.flip();
            if (text.hasRemaining()) {
                out.writeBytes(("[" + String.format(java.util.Locale.ROOT, "%.6f", at) + ", \"o\", "
                        + Json.quote(text.toString()) + "]\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
