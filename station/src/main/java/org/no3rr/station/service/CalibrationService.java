package org.no3rr.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.no3rr.metrics.quantification.CalibrationCurve;
import org.no3rr.metrics.quantification.QuantificationMethod;
import org.no3rr.station.store.DocumentStore;

import java.time.Instant;
import java.util.List;

/** Calibration curves: fitted from the standards the operator enters, stored and reused across runs. */
@ApplicationScoped
public class CalibrationService {

    private static final int MAX_STANDARDS = 100;

    /**
     * What the operator measured for the standards.
     *
     * @param standardsMolPerL concentrations of the standards in the measured solution, mol L⁻¹
     * @param signals          the signal of each standard (absorbance, or peak-area ratio for NMR)
     * @param blankSignals     optional replicate signals of the blank, for the limit of detection
     */
    public record Standards(double[] standardsMolPerL, double[] signals, double[] blankSignals) {
    }

    /** A stored calibration with its fitted line. */
    public record Calibration(long id, String name, Instant createdAt, Standards standards, CalibrationCurve curve) {
    }

    @Inject
    DocumentStore documents;

    @Inject
    ObjectMapper json;

    public Calibration create(String name, QuantificationMethod method, Standards standards) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("name", "name is required, 1 to 200 characters, e.g. \"NH4Cl in 0.5 M K2SO4, 2026-11-21\"");
        }
        if (method == null) {
            throw new InvalidRequestException("method", "method is required, one of " + List.of(QuantificationMethod.values()));
        }
        Standards checked = check(standards);
        CalibrationCurve curve = fit(method, checked);
        long now = System.currentTimeMillis();
        long id = documents.insertCalibration(name.strip(), method.name(), write(checked), now);
        return new Calibration(id, name.strip(), Instant.ofEpochMilli(now), checked, curve);
    }

    public Calibration find(long id) {
        return documents.calibration(id).map(this::toCalibration)
                .orElseThrow(() -> new NotFoundException("calibration " + id + " does not exist"));
    }

    public List<Calibration> list() {
        return documents.calibrations().stream().map(this::toCalibration).toList();
    }

    private Calibration toCalibration(DocumentStore.CalibrationRow row) {
        Standards standards = read(row.standardsJson());
        return new Calibration(row.id(), row.name(), Instant.ofEpochMilli(row.createdMs()), standards,
                fit(QuantificationMethod.valueOf(row.method()), standards));
    }

    private static Standards check(Standards standards) {
        if (standards == null || standards.standardsMolPerL() == null || standards.signals() == null) {
            throw new InvalidRequestException("standardsMolPerL", "standardsMolPerL and signals are required, e.g. "
                    + "\"standardsMolPerL\": [0, 1e-5, 2e-5], \"signals\": [0.04, 0.12, 0.2]");
        }
        int count = standards.standardsMolPerL().length;
        if (count < 2 || count > MAX_STANDARDS) {
            throw new InvalidRequestException("standardsMolPerL", "a calibration needs 2 to " + MAX_STANDARDS
                    + " standards, got " + count);
        }
        if (standards.signals().length != count) {
            throw new InvalidRequestException("signals", "signals has " + standards.signals().length
                    + " values but standardsMolPerL has " + count + "; give one signal per standard");
        }
        double[] blanks = standards.blankSignals() == null ? new double[0] : standards.blankSignals();
        if (blanks.length > MAX_STANDARDS) {
            throw new InvalidRequestException("blankSignals", "at most " + MAX_STANDARDS + " blank signals, got " + blanks.length);
        }
        return new Standards(standards.standardsMolPerL(), standards.signals(), blanks);
    }

    private static CalibrationCurve fit(QuantificationMethod method, Standards standards) {
        try {
            return CalibrationCurve.fit(method, standards.standardsMolPerL(), standards.signals(), standards.blankSignals());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("standardsMolPerL", "the standards cannot be fitted: " + e.getMessage());
        }
    }

    private String write(Standards standards) {
        try {
            return json.writeValueAsString(standards);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise standards", e);
        }
    }

    private Standards read(String text) {
        try {
            return json.readValue(text, Standards.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored standards are unreadable: " + text, e);
        }
    }
}
