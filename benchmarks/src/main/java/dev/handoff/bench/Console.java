package dev.handoff.bench;

import java.util.Locale;

/** Where the benchmark reports: standard output, since printing its figures is what this command-line tool is for. */
final class Console {

    private Console() {
    }

    static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static void progress(String format, Object... args) {
        line("[bench] " + format, args);
    }
}
