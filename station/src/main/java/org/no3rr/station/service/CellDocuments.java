package org.no3rr.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.cell.CellMetadata;

/** Reads and writes the {@code run.cell_json} column. */
@ApplicationScoped
public class CellDocuments {

    @Inject
    ObjectMapper json;

    public String write(CellMetadata cell) {
        try {
            return json.writeValueAsString(CellDocument.of(cell));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise cell metadata " + cell, e);
        }
    }

    public CellDocument document(String cellJson) {
        try {
            return json.readValue(cellJson, CellDocument.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cell metadata is unreadable: " + cellJson, e);
        }
    }

    public CellMetadata read(String cellJson) {
        return document(cellJson).toMetadata();
    }
}
