package org.no3rr.hal.i2c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pi4j.exception.Pi4JException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.no3rr.hal.HalException;
import org.no3rr.hal.fake.FakeTime;

/** One transaction at a time, retried with back-off after one recovery; safe-state writes never wait. */
class I2cBusTest {

    private static final String CHIP = "MCP4725 on bus 1 at 0x60";

    private final FakeTime time = new FakeTime();
    private final List<String> events = new ArrayList<>();
    private final I2cBus bus = new I2cBus(1, new BusPolicy(3, 2_000_000L, 50_000_000L, 250_000_000L, 5_000_000_000L),
            b -> events.add("recover bus " + b), time);

    @Test
    void aTransactionThatFailsTwiceIsRecoveredOnceAndRetriedWithDoublingBackOff() {
        int[] calls = {0};

        int result = bus.transact(CHIP, "reading 5 bytes", () -> {
            events.add("try " + ++calls[0]);
            if (calls[0] < 3) {
                throw new Pi4JException("Remote I/O error");
            }
            return 42;
        });

        assertThat(result).isEqualTo(42);
        assertThat(events).containsExactly("try 1", "recover bus 1", "try 2", "try 3");
        assertThat(time.pauses()).containsExactly(2_000_000L, 4_000_000L);
        assertThat(bus.recoveries()).isEqualTo(1);
    }

    @Test
    void whenEveryTryFailsTheFailureNamesChipWhatAndTries() {
        assertThatThrownBy(() -> bus.transact(CHIP, "writing 2 bytes", () -> {
            throw new Pi4JException("Remote I/O error (no ACK from 0x60)");
        })).isInstanceOf(HalException.class)
                .hasMessage("MCP4725 on bus 1 at 0x60: writing 2 bytes failed: Remote I/O error (no ACK from 0x60)"
                        + " (3 tries, bus recovered once)");
        assertThat(bus.transact(CHIP, "reading 5 bytes", () -> 7)).as("a fast NACK does not mark the bus stuck").isEqualTo(7);
    }

    @Test
    void aSafeStateWriteOnABusyBusIsQueuedWithoutWaitingAndDoneWhenTheHolderLetsGo() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> bus.transact("ADS1115 on bus 1 at 0x48",
                "reading register 0x00", () -> {
                    holding.countDown();
                    await(letGo);
                    events.add("conversion read");
                    return null;
                }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();

        boolean now = bus.runNowOrDefer("dac 0x60", CHIP, "writing 2 bytes", () -> events.add("write 0x6B8"));
        boolean replaced = bus.runNowOrDefer("dac 0x60", CHIP, "writing 2 bytes", () -> events.add("write 0x800"));

        assertThat(now).isFalse();
        assertThat(replaced).isFalse();
        assertThat(bus.deferredWrites()).as("the later write for the same chip replaced the earlier").isEqualTo(1);
        letGo.countDown();
        holder.get(5, TimeUnit.SECONDS);
        assertThat(events).containsExactly("conversion read", "write 0x800");
        assertThat(bus.deferredWrites()).isZero();
        assertThat(bus.runNowOrDefer("dac 0x60", CHIP, "writing 2 bytes", () -> events.add("write now"))).isTrue();
    }

    @Test
    void aCallerThatWaitsLongerThanThePolicyForTheBusIsToldWhoHoldsIt() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> bus.transact("INA226 on bus 1 at 0x40",
                "reading register 0x04", () -> {
                    holding.countDown();
                    await(letGo);
                    return null;
                }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> bus.transact(CHIP, "writing 2 bytes", () -> null))
                    .isInstanceOf(HalException.class)
                    .hasMessage("MCP4725 on bus 1 at 0x60: writing 2 bytes not attempted: I2C bus 1 has been held by"
                            + " INA226 on bus 1 at 0x40 (reading register 0x04) for longer than 50 ms");
        } finally {
            letGo.countDown();
            holder.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBusWhoseTransfersTimeOutIsStuckAndFailsAtOnceUntilItsTimeIsUp() {
        assertThatThrownBy(() -> bus.transact(CHIP, "reading 5 bytes", () -> {
            time.advance(1_000_000_000L);
            throw new Pi4JException("I2C transfer timed out (ETIMEDOUT)");
        })).isInstanceOf(HalException.class);
        int[] calls = {0};

        assertThatThrownBy(() -> bus.transact("ADS1115 on bus 1 at 0x49", "writing register 0x01", () -> ++calls[0]))
                .hasMessageStartingWith("ADS1115 on bus 1 at 0x49: writing register 0x01 not attempted: I2C bus 1 is stuck;"
                        + " first failure: MCP4725 on bus 1 at 0x60: reading 5 bytes failed: I2C transfer timed out");
        assertThat(calls[0]).isZero();
        time.advance(5_000_000_000L);
        assertThat(bus.transact("ADS1115 on bus 1 at 0x49", "writing register 0x01", () -> ++calls[0])).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
