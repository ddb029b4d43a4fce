package io.writ.web.it;

import java.util.regex.Pattern;

/** Reads single fields out of the portal's JSON answers (enough for tests; no JSON library on the client side). */
final class Json {

    private Json() {
    }

    /** The first string value of the field, or null when it is absent or null. */
    static String string(String json, String field) {
        var matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The strings of the first array field of that name (empty when absent); for arrays of plain strings only. */
    static java.util.List<String> strings(String json, String field) {
        var matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        if (!matcher.find() || matcher.group(1).isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(matcher.group(1).split(","))
                .map(s -> s.strip().replaceAll("^\"|\"$", "")).toList();
    }

    /** The first number value of the field, or null when it is absent or not a number. */
    static Long number(String json, String field) {
        var matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return matcher.find() ? Long.valueOf(matcher.group(1)) : null;
    }

    /** The first boolean value of the field, or null when it is absent. */
    static Boolean bool(String json, String field) {
        var matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(true|false)").matcher(json);
        return matcher.find() ? Boolean.valueOf(matcher.group(1)) : null;
    }

    /** The first object value of the field (with no objects inside it), or null when it is absent. */
    static String object(String json, String field) {
        var matcher = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\\{[^{}]*})").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The objects of an array of flat objects (no objects inside them), in order. */
    static java.util.List<String> objects(String json) {
        return Pattern.compile("\\{[^{}]*}").matcher(json).results().map(java.util.regex.MatchResult::group).toList();
    }

    /** A string value with JSON's escapes of newlines, quotes, slashes and backslashes undone. */
    static String unescaped(String value) {
        return value == null ? null : value.replace("\\n", "\n").replace("\\/", "/").replace("\\\"", "\"")
                .replace("\\\\", "\\");
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
