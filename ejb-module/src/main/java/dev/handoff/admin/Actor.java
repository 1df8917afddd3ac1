package dev.handoff.admin;

import java.util.Locale;

/**
 * Who asked for an operation, as the audit records it: the authenticated user, else the caller's address, else
 * nobody known; or Handoff itself, for work it does on its own such as retention.
 */
public record Actor(Kind kind, String name) {

    /** How an actor is known. */
    public enum Kind {
        USER, ADDRESS, ANONYMOUS, SYSTEM;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind ofWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** The longest name kept; the audit's column is this wide. */
    static final int NAME_LENGTH = 200;

    public Actor {
        name = name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH);
    }

    public static Actor user(String name) {
        return new Actor(Kind.USER, name);
    }

    public static Actor address(String address) {
        return new Actor(Kind.ADDRESS, address);
    }

    public static Actor anonymous() {
        return new Actor(Kind.ANONYMOUS, "anonymous");
    }

    public static Actor system(String name) {
        return new Actor(Kind.SYSTEM, name);
    }

    @Override
    public String toString() {
        return kind.wireName() + " " + name;
    }
}
