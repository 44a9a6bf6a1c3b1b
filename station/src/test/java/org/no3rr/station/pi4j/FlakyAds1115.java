package org.no3rr.station.pi4j;

import com.pi4j.exception.Pi4JException;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.util.concurrent.atomic.AtomicInteger;
import org.no3rr.hal.fake.FakeAds1115;
import org.no3rr.hal.fake.FakeI2c;
import org.no3rr.hal.fake.FakeRig;

/**
 * An ADS1115 (hal's register model) behind a bus that can be told to fail: a given number of
 * transfers, or every transfer, get no ACK, as linuxfs reports a chip that does not answer. Counts
 * the failures, so a test can tell a retried read from one that was not retried. Successful
 * transfers reach the model, whose log holds only those.
 */
final class FlakyAds1115 extends FakeI2c {

    private final FakeAds1115 chip;
    private final AtomicInteger toFail = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean failEvery;

    FlakyAds1115(I2CProvider provider, I2CConfig config) {
        super(provider, config);
        chip = FakeRig.adcAt25DegreesC(provider, config);
    }

    FakeAds1115 chip() {
        return chip;
    }

    /** The next {@code transfers} transfers fail, then the chip answers again. */
    void failNext(int transfers) {
        toFail.set(transfers);
    }

    /** Every transfer fails until {@link #heal()}. */
    void failEvery() {
        failEvery = true;
    }

    void heal() {
        failEvery = false;
        toFail.set(0);
    }

    int failedTransfers() {
        return failed.get();
    }

    void resetCount() {
        failed.set(0);
    }

    @Override
    protected byte[] onRegisterRead(int register, int length) {
        failIfAsked();
        byte[] bytes = new byte[length];
        chip.readRegister(register, bytes, 0, length);
        return bytes;
    }

    @Override
    protected void onRegisterWrite(int register, byte[] data) {
        failIfAsked();
        chip.writeRegister(register, data, 0, data.length);
    }

    private void failIfAsked() {
        if (failEvery || toFail.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            failed.incrementAndGet();
            throw new Pi4JException("Remote I/O error (no ACK from " + String.format("0x%02X", device()) + ")");
        }
    }
}
