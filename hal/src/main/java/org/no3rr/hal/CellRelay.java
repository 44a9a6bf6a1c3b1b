package org.no3rr.hal;

/** The relay that connects a cell to the channel's current source or potentiostat. Safe state: open. */
public interface CellRelay extends SafeStateOutput {

    void connect();

    void disconnect();

    /** What the relay was last told to do; a stuck relay may differ from reality, which the readings reveal. */
    boolean isConnected();

    @Override
    default void toSafeState() {
        disconnect();
    }
}
