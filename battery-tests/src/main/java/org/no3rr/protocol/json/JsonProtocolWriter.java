package org.no3rr.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import org.no3rr.protocol.Current;
import org.no3rr.protocol.Potential;
import org.no3rr.protocol.Protocol;
import org.no3rr.protocol.RecordRule;
import org.no3rr.protocol.SafetyLimits;
import org.no3rr.protocol.Step;
import org.no3rr.protocol.StepEnd;
import org.no3rr.protocol.StopCondition;

/**
 * Writes a protocol model in the JSON form, with the units {@link org.no3rr.protocol.ProtocolWriter}
 * writes (mA, mA/cm2 or C, V, mV for recording, mAh, mWh, mW, Ohm, mV/s, %, times in the largest
 * unit that divides them), so that the JSON and the canonical text of a model say the same thing in
 * the same numbers.
 */
final class JsonProtocolWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** As many digits as the canonical text keeps: 2.9 mA stays 2.9, not 2.9000000000000004. */
    private static final MathContext DIGITS = new MathContext(12);

    private JsonProtocolWriter() {
    }

    static ObjectNode tree(Protocol protocol) {
        ObjectNode root = NODES.objectNode();
        protocol.limits().ifPresent(l -> root.set("limits", limits(l)));
        protocol.recording().ifPresent(r -> root.set("record", thresholds(r)));
        if (!protocol.stops().isEmpty()) {
            ArrayNode stops = root.putArray("stops");
            protocol.stops().forEach(s -> stops.add(stop(s)));
        }
        root.set("steps", steps(protocol.steps()));
        return root;
    }

    private static ArrayNode steps(List<Step> steps) {
        ArrayNode out = NODES.arrayNode();
        for (Step step : steps) {
            out.add(step(step));
        }
        return out;
    }

    private static ObjectNode step(Step step) {
        ObjectNode wrapper = NODES.objectNode();
        if (step instanceof Step.Repeat repeat) {
            ObjectNode body = wrapper.putObject("repeat");
            body.put("times", repeat.times());
            body.set("steps", steps(repeat.steps()));
        } else if (step instanceof Step.Ask ask) {
            wrapper.putObject("ask").put("prompt", ask.prompt());
        } else {
            driven((Step.Driven) step, wrapper);
        }
        return wrapper;
    }

    private static void driven(Step.Driven step, ObjectNode wrapper) {
        ObjectNode body = body(step, wrapper);
        if (!step.ends().isEmpty()) {
            ArrayNode ends = body.putArray("ends");
            step.ends().forEach(e -> ends.add(end(e, step.kind().voltageEndFalls())));
        }
        step.recording().ifPresent(r -> body.set("record", thresholds(r)));
    }

    /** The step's key and its setpoints; its ends and recording rule are added by the caller. */
    private static ObjectNode body(Step.Driven step, ObjectNode wrapper) {
        if (step instanceof Step.Rest) {
            return wrapper.putObject("rest");
        }
        if (step instanceof Step.ConstantCurrent cc) {
            ObjectNode body = wrapper.putObject(cc.direction().written());
            body.set("current", current(cc.current()));
            return body;
        }
        if (step instanceof Step.ConstantCurrentConstantVoltage cccv) {
            ObjectNode body = wrapper.putObject(cccv.direction().written());
            body.set("current", current(cccv.current()));
            body.set("holdAt", quantity(cccv.volts(), "V"));
            return body;
        }
        if (step instanceof Step.ConstantPower cp) {
            ObjectNode body = wrapper.putObject(cp.direction().written());
            body.set("power", quantity(cp.power().value() * 1000, cp.power().perCm2() ? "mW/cm2" : "mW"));
            return body;
        }
        if (step instanceof Step.ConstantResistance cr) {
            ObjectNode body = wrapper.putObject("discharge");
            body.set("resistance", quantity(cr.ohms(), "Ohm"));
            return body;
        }
        if (step instanceof Step.VoltageHold hold) {
            ObjectNode body = wrapper.putObject("hold");
            body.set("voltage", quantity(hold.volts(), "V"));
            return body;
        }
        if (step instanceof Step.Hold hold) {
            ObjectNode body = wrapper.putObject("hold");
            body.set("potential", potential(hold.potential()));
            return body;
        }
        if (step instanceof Step.Polarize p) {
            ObjectNode body = wrapper.putObject("polarize");
            body.set("from", current(p.from()));
            body.set("to", current(p.to()));
            body.set("increment", current(p.increment()));
            body.set("dwell", time(p.dwellMillis()));
            return body;
        }
        if (step instanceof Step.Sweep sweep) {
            ObjectNode body = wrapper.putObject("sweep");
            body.set("from", potential(sweep.from()));
            body.set("to", potential(sweep.to()));
            body.set("rate", quantity(sweep.voltsPerSecond() * 1000, "mV/s"));
            return body;
        }
        Step.CyclicVoltammetry cv = (Step.CyclicVoltammetry) step;
        ObjectNode body = wrapper.putObject("cycle");
        body.set("first", potential(cv.first()));
        body.set("second", potential(cv.second()));
        body.set("rate", quantity(cv.voltsPerSecond() * 1000, "mV/s"));
        body.put("cycles", cv.cycles());
        return body;
    }

    /** One end; a voltage or current end that crosses the other way than usual carries its operator. */
    private static ObjectNode end(StepEnd end, boolean voltageFallsByDefault) {
        ObjectNode out = NODES.objectNode();
        if (end instanceof StepEnd.AfterTime t) {
            out.set("time", time(t.millis()));
        } else if (end instanceof StepEnd.AtVoltage v) {
            out.set("voltage", quantity(v.volts(), "V"));
            if (v.falling() != voltageFallsByDefault) {
                out.put("operator", v.falling() ? "<" : ">");
            }
        } else if (end instanceof StepEnd.AtCurrent c) {
            out.set("current", current(c.current()));
            if (!c.falling()) {
                out.put("operator", ">");
            }
        } else if (end instanceof StepEnd.AtCapacity c) {
            out.set("capacity", quantity(c.coulombs() / 3.6, "mAh"));
        } else {
            out.set("energy", quantity(((StepEnd.AtEnergy) end).joules() / 3.6, "mWh"));
        }
        return out;
    }

    private static ObjectNode limits(SafetyLimits limits) {
        ObjectNode out = NODES.objectNode();
        if (limits.hasVoltageWindow()) {
            out.set("voltage", window(quantity(limits.minVolts(), "V"), quantity(limits.maxVolts(), "V")));
        }
        Optional<Current> min = limits.minCurrent();
        Optional<Current> max = limits.maxCurrent();
        if (min.isPresent() && max.isPresent()) {
            out.set("current", window(current(min.get()), current(max.get())));
        }
        return out;
    }

    private static ObjectNode window(JsonNode min, JsonNode max) {
        ObjectNode out = NODES.objectNode();
        out.set("min", min);
        out.set("max", max);
        return out;
    }

    private static ObjectNode thresholds(RecordRule rule) {
        ObjectNode out = NODES.objectNode();
        rule.everyMillis().ifPresent(ms -> out.set("time", time(ms)));
        rule.everyVolts().ifPresent(v -> out.set("voltage", quantity(v * 1000, "mV")));
        rule.everyCurrent().ifPresent(c -> out.set("current", current(c)));
        return out;
    }

    private static ObjectNode stop(StopCondition stop) {
        ObjectNode out = NODES.objectNode();
        if (stop instanceof StopCondition.BelowCapacity below) {
            out.put("capacity", below.kind().written());
            out.set("below", quantity(below.coulombs() / 3.6, "mAh"));
        } else {
            StopCondition.BelowFractionOfCycle relative = (StopCondition.BelowFractionOfCycle) stop;
            out.put("capacity", relative.kind().written());
            out.set("below", quantity(relative.fraction() * 100, "%"));
            out.put("ofCycle", relative.referenceCycle());
        }
        return out;
    }

    /**
     * A current in mA or mA/cm2; a C-rate as the multiple itself with all its digits, so that C/3
     * reads back as exactly 1/3 (it is not the product of a unit conversion, which the rounding of
     * the other quantities undoes).
     */
    private static ObjectNode current(Current c) {
        if (c.basis() == Current.Basis.C_RATE) {
            ObjectNode out = NODES.objectNode();
            out.put("value", c.value());
            out.put("unit", "C");
            return out;
        }
        return quantity(c.value() * 1000, c.perCm2() ? "mA/cm2" : "mA");
    }

    private static ObjectNode potential(Potential p) {
        ObjectNode out = quantity(p.volts(), "V");
        out.put("vs", p.scale().written());
        return out;
    }

    private static ObjectNode time(long millis) {
        if (millis % 3_600_000 == 0) {
            return quantity(millis / 3_600_000, "h");
        }
        if (millis % 60_000 == 0) {
            return quantity(millis / 60_000, "min");
        }
        if (millis % 1000 == 0) {
            return quantity(millis / 1000, "s");
        }
        return quantity(millis, "ms");
    }

    private static ObjectNode quantity(double value, String unit) {
        ObjectNode out = NODES.objectNode();
        out.set("value", number(value));
        out.put("unit", unit);
        return out;
    }

    /** A whole number as an integer, anything else as the double nearest its 12-digit rounding. */
    private static JsonNode number(double value) {
        BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return NODES.numberNode(0);
        }
        if (rounded.scale() <= 0 && rounded.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
            long whole = rounded.longValueExact();
            return whole == (int) whole ? NODES.numberNode((int) whole) : NODES.numberNode(whole);
        }
        return NODES.numberNode(rounded.doubleValue());
    }
}
