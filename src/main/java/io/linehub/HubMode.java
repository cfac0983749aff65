package io.linehub;

/** How the hub starts: alone ({@code run}) or with simulated devices and receivers ({@code demo}). */
public enum HubMode {
    RUN, DEMO
}
