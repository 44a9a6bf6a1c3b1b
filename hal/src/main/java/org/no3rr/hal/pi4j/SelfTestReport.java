package org.no3rr.hal.pi4j;

import java.util.List;
import java.util.stream.Collectors;
import org.no3rr.hal.HalException;

/** Whether every chip of a board file answered at its address, chip by chip. */
public record SelfTestReport(List<ChipCheck> checks) {

    public SelfTestReport {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(ChipCheck::answered);
    }

    public List<ChipCheck> failures() {
        return checks.stream().filter(c -> !c.answered()).toList();
    }

    /** @throws HalException naming every chip that failed, its bus and its address */
    public void throwIfFailed() {
        if (!passed()) {
            throw new HalException("hardware self-test failed:\n  - "
                    + failures().stream().map(ChipCheck::describe).collect(Collectors.joining("\n  - ")));
        }
    }
}
