package org.no3rr.station.export;

import org.no3rr.station.store.StoredSample;

/**
 * An export that is one pass over a run's samples in order: {@link #begin}, {@link #write} per
 * sample, {@link #end}. {@link RunExporter} drives the pass, so every format reads the database
 * the same way and none holds more than one sample.
 */
public interface SampleExport {

    void begin();

    void write(StoredSample sample);

    void end();
}
