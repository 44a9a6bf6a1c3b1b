package org.no3rr.station.messaging;

import org.no3rr.station.store.BatchExtra;

import java.util.List;

/**
 * Message metadata: records that must be stored in the same transaction as the sample the message
 * carries (e.g. the summary of the step that sample closed). The writer commits them with the batch
 * that holds the sample: {@code Message.of(row, ack, nack).addMetadata(new CompanionRecords(list))}.
 */
public record CompanionRecords(List<BatchExtra> records) {

    public CompanionRecords {
        records = List.copyOf(records);
    }
}
