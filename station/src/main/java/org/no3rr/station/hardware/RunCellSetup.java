package org.no3rr.station.hardware;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.no3rr.cell.CellMetadata;
import org.no3rr.hal.sim.SimulatedCellSetup;

/**
 * Mounts a run's cell on its channel when the run starts or resumes: a simulated channel takes the
 * run's area, masses, catholyte volume, pH and reference electrode (docs/simulator.md); real
 * hardware needs nothing. The run service calls {@link #beforeRun} just before it starts a runner.
 */
@ApplicationScoped
public class RunCellSetup {

    private static final Logger LOG = Logger.getLogger(RunCellSetup.class);

    @Inject
    HardwareBackend backend;

    /**
     * Gives the channel's simulated cell what the run declares; a cell whose parameters this
     * changes is replaced by a fresh one, otherwise it continues as it is.
     */
    public void beforeRun(StationChannel channel, long runId, CellMetadata cell) {
        if (backend instanceof SimulatedBackend simulated) {
            simulated.simulatedChannel(channel.id()).ifPresent(simulator -> {
                if (simulator.configureCell(setupOf(cell))) {
                    LOG.infof("Run %d mounts a fresh simulated cell on channel %s", runId, channel.id());
                }
            });
        }
    }

    private static final double MAH_PER_AH = 1000.0;

    /** What the simulated cell takes from the run's metadata; absent values are NaN in both. */
    public static SimulatedCellSetup setupOf(CellMetadata cell) {
        return new SimulatedCellSetup(cell.areaCm2(), cell.catalystMassMg(), cell.znMassG(), cell.catholyteVolumeMl(),
                cell.ph(), cell.referenceOffsetV(), cell.nominalCapacityAh() * MAH_PER_AH);
    }
}
