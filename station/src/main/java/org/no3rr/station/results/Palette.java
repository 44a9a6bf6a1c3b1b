package org.no3rr.station.results;

/**
 * The colours of figures: Okabe and Ito's palette ("Color Universal Design", 2008), which readers
 * with any common colour-vision deficiency tell apart, in an order that puts the most distinct
 * first; its yellow, hard to see on white, is left out. The server assigns them, so the page and
 * the PNG colour a series alike. With more series than colours they repeat.
 */
public final class Palette {

    private static final String[] OKABE_ITO = {
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#E69F00", // orange
        "#CC79A7", // reddish purple
        "#56B4E9", // sky blue
        "#000000", // black
    };

    private Palette() {
    }

    public static String color(int index) {
        return OKABE_ITO[Math.floorMod(index, OKABE_ITO.length)];
    }

    public static int size() {
        return OKABE_ITO.length;
    }
}
