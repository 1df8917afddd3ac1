package dev.handoff.admin;

import java.util.UUID;

/** This start of this server, to tell work it runs from work a stopped start left unfinished. */
final class ServerStart {

    private static final String NODE = System.getProperty("jboss.node.name", "handoff");

    /** This server and this start of it (of the application, too: a redeployment is a new start). */
    static final String THIS = NODE + "/" + UUID.randomUUID();

    private ServerStart() {
    }

    /** Whether work marked with this owner belonged to an earlier start of this server, which is gone. */
    static boolean isEarlierStartOfThisNode(String owner) {
        return !owner.equals(THIS) && owner.startsWith(NODE + "/");
    }
}
