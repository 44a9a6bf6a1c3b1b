package org.no3rr.station.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.no3rr.cell.CellMetadata;
import org.no3rr.engine.Engine;
import org.no3rr.engine.EngineState;
import org.no3rr.engine.RunControl;
import org.no3rr.engine.RunState;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.ProtocolParser;
import org.no3rr.station.channel.ChannelManager;
import org.no3rr.station.channel.ChannelRunner;
import org.no3rr.station.config.StationConfig;
import org.no3rr.station.hardware.RunCellSetup;
import org.no3rr.station.hardware.StationChannel;
import org.no3rr.station.messaging.SamplePublisher;
import org.no3rr.station.messaging.StorageStatus;
import org.no3rr.station.store.RunEvent;
import org.no3rr.station.store.RunRecord;
import org.no3rr.station.store.RunStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts, controls and resumes runs; the only place that turns requests into runner threads. */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    @Inject
    RunStore runs;

    @Inject
    ChannelManager channels;

    @Inject
    SamplePublisher publisher;

    @Inject
    StorageStatus storage;

    @Inject
    RunHistory history;

    @Inject
    StationConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    CellDocuments cells;

    @Inject
    ProtocolService protocols;

    @Inject
    RunCellSetup cellSetup;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String softwareVersion;

    /**
     * Validates the request completely, stores the run, then starts it — or, with {@code queue},
     * keeps it QUEUED until its channel is free. Nothing is stored when anything is invalid. The
     * protocol is text or its JSON form; the run stores text either way.
     */
    public RunRecord start(String channelId, JsonNode protocolDocument, CellDocument cellDocument, String notes,
                           boolean queue) {
        if (channelId == null || channelId.isBlank()) {
            throw new InvalidRequestException("channel", "channel is required, one of " + channels.ids());
        }
        StationChannel channel = channels.channel(channelId).orElseThrow(() -> new InvalidRequestException("channel",
                channels.noSuchChannel(channelId)));
        if (cellDocument == null) {
            throw new InvalidRequestException("cell", "cell is required, e.g. {\"areaCm2\": 1.0}");
        }
        CellMetadata cell = cellDocument.toMetadata();
        Protocol protocol = protocols.parseFor(protocolDocument, channel, cell);
        synchronized (this) {
            boolean busy = channels.isBusy(channelId) || !queuedOn(channelId).isEmpty();
            if (busy && !queue) {
                throw new ConflictException("channel " + channelId + " is busy with run "
                        + channels.activeRunner(channelId).map(ChannelRunner::runId).orElse(-1L)
                        + "; stop it, wait until it ends, or send \"queue\": true to start this run after it");
            }
            long now = channel.clock().millis();
            long id = runs.create(channelId, busy ? RunState.QUEUED : RunState.RUNNING, protocol.text(),
                    cells.write(cell), toJson(hardwareSnapshot(channel)), softwareVersion, notes, now);
            if (!busy) {
                launch(channel, id, protocol, cell, null, 0);
            }
            return runs.find(id).orElseThrow();
        }
    }

    /** Starts the oldest run queued on the channel if the channel is free; called when a run ends. */
    public synchronized void startNextQueued(String channelId) {
        if (channels.isBusy(channelId)) {
            return;
        }
        for (RunRecord next : queuedOn(channelId)) {
            try {
                StationChannel channel = channels.channel(channelId).orElseThrow();
                launch(channel, next.id(), ProtocolParser.parse(next.protocolText()), cells.read(next.cellJson()),
                        null, 0);
                LOG.infof("Queued run %d starts on channel %s", next.id(), channelId);
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Queued run %d could not start", next.id());
                runs.changeState(next.id(), RunState.FAULTED, System.currentTimeMillis(),
                        "could not start from the queue: " + e.getMessage());
            }
        }
    }

    private List<RunRecord> queuedOn(String channelId) {
        return runs.findByState(RunState.QUEUED).stream().filter(run -> run.channelId().equals(channelId)).toList();
    }

    public RunRecord find(long id) {
        return runs.find(id).orElseThrow(() -> new NotFoundException("run " + id + " does not exist"));
    }

    public List<RunRecord> list() {
        return runs.list();
    }

    public List<RunEvent> events(long id) {
        find(id);
        return runs.events(id);
    }

    public void stop(long id) {
        control(id, new RunControl.Stop("stopped by the operator"));
    }

    /** Pauses a running run; a run waiting for an answer is answered, not paused. */
    public void pause(long id) {
        requireLiveState(id, RunState.RUNNING, "pause");
        control(id, new RunControl.Pause());
    }

    public void resume(long id) {
        requireLiveState(id, RunState.PAUSED, "resume");
        control(id, new RunControl.Resume());
    }

    /** Answers the run's pending prompt. */
    public void answer(long id, String text) {
        if (text == null) {
            throw new InvalidRequestException("answer", "answer is required, e.g. {\"answer\": \"done\"}");
        }
        requireLiveState(id, RunState.WAITING_FOR_ANSWER, "answer");
        control(id, new RunControl.Answer(text));
    }

    /** The state of an active run as its runner sees it now (the stored state lags by a batch). */
    public RunState liveState(long id) {
        return channels.runnerOf(id).map(runner -> runner.status().state()).orElseGet(() -> find(id).state());
    }

    private void requireLiveState(long id, RunState required, String action) {
        RunState now = liveState(id);
        if (now != required) {
            throw new ConflictException("cannot " + action + " run " + id + ": it is " + now + ", and only a "
                    + required + " run can be " + (action.equals("answer") ? "answered" : action + "d"));
        }
    }

    private void control(long id, RunControl control) {
        RunRecord run = find(id);
        if (run.state() == RunState.QUEUED && control instanceof RunControl.Stop) {
            long now = System.currentTimeMillis();
            runs.changeState(id, RunState.STOPPED, now, "cancelled before it started");
            runs.appendEvent(id, now, RunEvent.STOPPED, "cancelled before it started");
            return;
        }
        ChannelRunner runner = channels.runnerOf(id).orElseThrow(() -> new ConflictException(
                "run " + id + " is not active; it is " + run.state()));
        runner.send(control);
    }

    /**
     * Last of all start-up work — after the channels are safe, the writer runs and reactive
     * messaging has connected its emitters: every run that was active when the station stopped
     * resumes from the engine state stored with its last sample.
     */
    void resumeActiveRuns(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 500) StartupEvent event) {
        for (RunRecord run : runs.findByState(RunState.RUNNING, RunState.WAITING_FOR_ANSWER, RunState.PAUSED)) {
            if (config.onRestart() == StationConfig.OnRestart.INTERRUPT) {
                long now = System.currentTimeMillis();
                runs.appendEvent(run.id(), now, RunEvent.RESTART, "station restarted; run interrupted "
                        + "(station.on-restart=interrupt)");
                runs.changeState(run.id(), RunState.INTERRUPTED, now, "the station restarted");
                continue;
            }
            try {
                resumeAfterRestart(run);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Run %d could not be resumed", run.id());
                runs.changeState(run.id(), RunState.INTERRUPTED, System.currentTimeMillis(),
                        "could not be resumed after a restart: " + e.getMessage());
            }
        }
        channels.channels().forEach(channel -> startNextQueued(channel.id()));
    }

    private void resumeAfterRestart(RunRecord run) {
        StationChannel channel = channels.channel(run.channelId()).orElseThrow(() -> new IllegalStateException(
                "channel " + run.channelId() + " no longer exists"));
        if (run.lastSampleMs() != null) {
            // A simulated clock restarts at the wall clock, which a fast rehearsal may be far ahead of.
            channel.clock().catchUp(run.lastSampleMs() + 1);
        }
        long now = channel.clock().millis();
        String gap = run.lastSampleMs() == null ? "no sample had been stored"
                : "last stored sample " + (now - run.lastSampleMs()) / 1000.0 + " s before the restart";
        runs.appendEvent(run.id(), now, RunEvent.RESTART, "station restarted; " + gap);
        Protocol protocol = ProtocolParser.parse(run.protocolText());
        CellMetadata cell = cells.read(run.cellJson());
        EngineState stored = run.engineState() == null ? null : EngineState.decode(run.engineState());
        launch(channel, run.id(), protocol, cell, stored, run.samplesStored());
        LOG.infof("Run %d on channel %s carries on at cycle %d, step %d after a restart (%s)", run.id(), channel.id(),
                stored == null ? 1 : stored.cycle(), stored == null ? 1 : stored.stepNumber(), gap);
    }

    private void launch(StationChannel channel, long runId, Protocol protocol, CellMetadata cell,
                        EngineState resumeFrom, long samplesStored) {
        cellSetup.beforeRun(channel, runId, cell);
        Engine engine = new Engine(protocol, cell, channel.hardware().ratings(), channel.hardware().cellKind(),
                config.readingInterval().toMillis());
        ChannelRunner runner = new ChannelRunner(channel, runId, engine, resumeFrom, samplesStored,
                new ChannelRunner.Services(publisher, history, storage));
        channels.launch(channel.id(), runner, () -> startNextQueued(channel.id()));
    }

    /** The channel's configuration as stored with a run: the backend's snapshot, its cell kind and its ratings. */
    private static Map<String, Object> hardwareSnapshot(StationChannel channel) {
        Map<String, Object> snapshot = new LinkedHashMap<>(channel.snapshot());
        snapshot.put("cellKind", channel.hardware().cellKind().name());
        snapshot.put("ratings", channel.hardware().ratings());
        return snapshot;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise " + value, e);
        }
    }
}
