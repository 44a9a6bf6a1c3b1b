#!/bin/sh
# Benchmark, not a test: the week-long four-channel rehearsal — the packaged station at
# station.simulation.speed=max, two batteries cycling and two H-cells holding a potential, each for
# 7 days of simulated time at the default reading a second (4 × 604,800 = 2,419,200 samples) —
# then, with the station still running, the bytes of its files in the data directory per stored
# sample, every 30 s for SETTLE seconds (H2's file is tidied in the background once samples stop).
# See docs/benchmarks.md and docs/storage.md.
#
# Usage: space-per-sample.sh APP_DIR DATA_DIR [SETTLE=120] [PORT=18094]
set -eu
APP=$1; DATA=$2; SETTLE=${3:-120}; PORT=${4:-18094}
mkdir -p "$DATA"
java -Xmx256m -Dstation.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dstation.simulation.speed=max \
     -jar "$APP/quarkus-run.jar" > "${DATA%/}.out" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT INT TERM
until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do sleep 1; done
AUTH="Authorization: Bearer $(cat "$DATA/access-token")"
BATTERY='Repeat 504 times:\n  Discharge at 5 mA/cm2 for 10 min\n  Charge at 5 mA/cm2 for 10 min'
HOLD='Hold at -0.4 V vs Ag/AgCl for 168 h'
start=$(date +%s)
for run in "ch1|$BATTERY" "ch2|$BATTERY" "ch3|$HOLD" "ch4|$HOLD"; do
  curl -sf -H "$AUTH" -H 'Content-Type: application/json' "localhost:$PORT/api/runs" \
       -d "{\"channel\":\"${run%%|*}\",\"protocol\":\"${run#*|}\",\"cell\":{\"areaCm2\":1}}" > /dev/null
done
states() { for run in 1 2 3 4; do curl -s -H "$AUTH" "localhost:$PORT/api/runs/$run" | grep -o '"state":"[A-Z_]*"'; done; }
while states | grep -q 'RUNNING\|PAUSED'; do sleep 5; done
echo "4 runs ended after $(( $(date +%s) - start )) s: $(states | tr '\n' ' ')"
samples=0
for run in 1 2 3 4; do
  n=$(curl -s -H "$AUTH" "localhost:$PORT/api/runs/$run" | grep -o '"samplesStored":[0-9]*' | cut -d: -f2)
  echo "run $run: $n samples"; samples=$((samples + n))
done
for t in $(seq 0 30 "$SETTLE"); do
  [ "$t" -gt 0 ] && sleep 30
  bytes=$(find "$DATA" -maxdepth 1 -name 'station.*' -printf '%s\n' | awk '{s += $1} END {print s}')
  echo "after +${t} s: $bytes B in station.* for $samples samples: $(awk "BEGIN {printf \"%.1f\", $bytes / $samples}") B/sample"
done
ls -l "$DATA"
