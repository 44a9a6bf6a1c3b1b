package org.no3rr.protocol.json;

/**
 * Where in the JSON form a value sits, for error messages: its path ({@code steps[2].discharge.current}),
 * the ordinal of the step it belongs to (1-based, in the order of {@code Protocol.outline()}; 0 for
 * the run settings and the document as a whole) and which kind of example helps to fix it.
 */
record Place(String path, int ordinal, String exampleKind) {

    static final Place ROOT = new Place("", 0, JsonExamples.PROTOCOL);

    Place child(String key) {
        return new Place(path.isEmpty() ? key : path + "." + key, ordinal, exampleKind);
    }

    Place index(int i) {
        return new Place(path + "[" + i + "]", ordinal, exampleKind);
    }

    Place forStep(int stepOrdinal, String kind) {
        return new Place(path, stepOrdinal, kind);
    }

    Place withExample(String kind) {
        return new Place(path, ordinal, kind);
    }

    /** The path as shown to the researcher; the document itself is "protocol". */
    String shown() {
        return path.isEmpty() ? "protocol" : path;
    }
}
