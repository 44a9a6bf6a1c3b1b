package org.no3rr.station.lab;

/**
 * What happened in a run, as the lab hears of it: on MQTT's {@code events} topic and in notifications.
 * One value per engine event, plus {@link #ALARM} (storage refuses samples) and {@link #FAULT} (the run
 * ended faulted), which come with a {@link #PAUSED} and a {@link #RUN_ENDED} respectively.
 */
public enum LabEventType {
    STEP_STARTED,
    STEP_ENDED,
    PROMPT,
    ANSWER,
    PAUSED,
    RESUMED,
    ALARM,
    FAULT,
    RUN_ENDED
}
