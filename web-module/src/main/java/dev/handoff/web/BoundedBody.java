package dev.handoff.web;

import dev.handoff.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads a request body as UTF-8 text, refusing it once it passes a size limit. */
final class BoundedBody {

    private BoundedBody() {
    }

    static String read(InputStream body, int maxBytes, String what) throws IOException {
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new InvalidRequestException("The " + what + " is larger than " + maxBytes + " bytes.");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
