/**
 * The protocol language's JSON form: the same model as the text, for programs, read straight into
 * the same step records (no detour through text) and checked by the same rules.
 *
 * <p>A protocol is an object with {@code steps} (required) and the run settings {@code limits},
 * {@code record} and {@code stops}. Every quantity is {@code {"value": <number>, "unit": "<unit>"}}
 * with any unit the text language reads ({@code ms s min h}; {@code V mV}; {@code A mA µA}, each also
 * {@code /cm2}; {@code C} for a C-rate where a current is expected; {@code Ah mAh µAh C};
 * {@code Wh mWh J}; {@code W mW}, also {@code /cm2}; {@code Ohm}; {@code V/s mV/s}; {@code %}); a
 * potential adds {@code "vs": "RHE"} or {@code "Ag/AgCl"}. A step is an object with one key, its
 * kind; {@code discharge} and {@code charge} take one of {@code current} (with {@code holdAt}: a
 * CCCV step), {@code power} or {@code resistance}; {@code hold} takes a {@code potential} (vs a
 * reference) or a cell {@code voltage}:
 *
 * <pre>{@code
 * {"limits": {"voltage": {"min": {"value": 0, "unit": "V"}, "max": {"value": 2.6, "unit": "V"}},
 *             "current": {"min": {"value": -20, "unit": "mA/cm2"}, "max": {"value": 20, "unit": "mA/cm2"}}},
 *  "record": {"time": {"value": 10, "unit": "s"}, "voltage": {"value": 5, "unit": "mV"}},
 *  "stops": [{"capacity": "discharge", "below": {"value": 80, "unit": "%"}, "ofCycle": 1}],
 *  "steps": [
 *   {"rest": {"ends": [{"time": {"value": 10, "unit": "min"}}]}},
 *   {"repeat": {"times": 500, "steps": [
 *     {"discharge": {"current": {"value": 5, "unit": "mA/cm2"},
 *                    "ends": [{"time": {"value": 10, "unit": "min"}}, {"voltage": {"value": 0.8, "unit": "V"}}],
 *                    "record": {"time": {"value": 1, "unit": "s"}}}},
 *     {"charge": {"current": {"value": 1, "unit": "C"}, "holdAt": {"value": 2.4, "unit": "V"},
 *                 "ends": [{"current": {"value": 0.05, "unit": "C"}}]}},
 *     {"ask": {"prompt": "Refresh the electrolyte"}}]}},
 *   {"discharge": {"power": {"value": 2, "unit": "mW"}, "ends": [{"voltage": {"value": 0.8, "unit": "V"}}]}},
 *   {"discharge": {"resistance": {"value": 100, "unit": "Ohm"}, "ends": [{"energy": {"value": 1, "unit": "mWh"}}]}},
 *   {"hold": {"voltage": {"value": 2.4, "unit": "V"}, "ends": [{"current": {"value": 1, "unit": "mA"}, "operator": "<"}]}},
 *   {"hold": {"potential": {"value": -0.1, "unit": "V", "vs": "RHE"}, "ends": [{"time": {"value": 1, "unit": "h"}}]}},
 *   {"polarize": {"from": {"value": 0, "unit": "mA/cm2"}, "to": {"value": 30, "unit": "mA/cm2"},
 *                 "increment": {"value": 1, "unit": "mA/cm2"}, "dwell": {"value": 60, "unit": "s"},
 *                 "ends": [{"voltage": {"value": 0.2, "unit": "V"}}]}},
 *   {"sweep": {"from": {"value": 0.2, "unit": "V", "vs": "RHE"}, "to": {"value": -0.6, "unit": "V", "vs": "RHE"},
 *              "rate": {"value": 10, "unit": "mV/s"}}},
 *   {"cycle": {"first": {"value": 0.1, "unit": "V", "vs": "RHE"}, "second": {"value": 0.3, "unit": "V", "vs": "RHE"},
 *              "rate": {"value": 20, "unit": "mV/s"}, "cycles": 3}}]}
 * }</pre>
 *
 * <p>Ends are a list because their order is part of the model (the first one met wins, and the
 * canonical text keeps the order); a voltage or current end may add {@code "operator": "<"} or
 * {@code ">"}. Keys not listed here are refused, so a typo never drops a setting silently. See
 * {@code docs/protocols.md}.
 */
package org.no3rr.protocol.json;
