package io.linehub.routes;

/** What became of one change to a route file. */
public enum RouteChangeResult {
    /** Valid: the file's routes now run in the new version. */
    APPLIED,
    /** Invalid: refused before anything was touched; the previous version keeps running. */
    REFUSED,
    /** The file was deleted: its routes were stopped and removed. */
    REMOVED,
    /** Valid, but Camel could not run it (e.g. a port in use): the previous version was put back. */
    FAILED
}
