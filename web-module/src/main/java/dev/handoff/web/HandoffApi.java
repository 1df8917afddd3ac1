package dev.handoff.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Handoff's REST API, under {@code /api}. */
@ApplicationPath("/api")
public class HandoffApi extends Application {
}
