package dev.handoff.datasets;

import java.util.regex.Pattern;

/** The names datasets may have. */
public final class DatasetName {

    public static final String PATTERN_TEXT = "[A-Za-z0-9._-]{1,100}";

    private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);

    private DatasetName() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /** Says what is wrong with a name, for a caller. */
    public static String problem(String name) {
        String shown = name.length() <= 100 ? name : name.substring(0, 100) + "...";
        return "A dataset name matches " + PATTERN_TEXT + "; '" + shown + "' does not.";
    }
}
