#!/bin/sh
# Benchmark, not a test: the packaged station in real time on the simulator, four channels at the
# default reading a second, for MINUTES minutes; prints the bytes the station process wrote to the
# disk in each minute, then the average and the largest minute, and the files' sizes. Two counts:
# what the kernel charges the process (/proc/<pid>/io write_bytes: the pages it made dirty, the
# issue's count) and what the block device received (/sys/block/DEV/stat, sectors written, when
# DATA_DIR is the only user of its own device: the file system's own journal included). The count
# starts once the runs are created, after what the start wrote is on the disk; that is printed first.
# See docs/benchmarks.md and docs/storage.md.
#
# Usage: write-rate.sh APP_DIR DATA_DIR [MINUTES=20] [PORT=18093] [DEVICE, e.g. loop0]
#   APP_DIR: a copy of station/target/quarkus-app (so a rebuild does not change it under the station)
set -eu
APP=$1; DATA=$2; MINUTES=${3:-20}; PORT=${4:-18093}; DEVICE=${5:-}
mkdir -p "$DATA"
device() { if [ -n "$DEVICE" ]; then awk '{print $7 * 512}' "/sys/block/$DEVICE/stat"; else echo 0; fi; }
before=$(device)
java -Xmx256m -Dstation.data-dir="$DATA" -Dquarkus.http.port="$PORT" -Dstation.simulation.speed=1 \
     -jar "$APP/quarkus-run.jar" > "${TMPDIR:-/tmp}/write-rate-station.out" 2>&1 &  # the log off the measured device
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT INT TERM
until curl -sf "localhost:$PORT/q/health/ready" > /dev/null; do sleep 1; done
# What the start wrote (on a first start: the database and its migrations, the journal's and the
# staging log's zeros, the database file's slack) goes to the disk now, before the count begins:
# the figure is the cost of recording, from the runs' start on.
sync
echo "the start (not counted below): $(awk '/^write_bytes/ {print $2}' /proc/$PID/io) B charged, $(( $(device) - before )) B at the device"
AUTH="Authorization: Bearer $(cat "$DATA/access-token")"
BATTERY='Repeat 1000 times:\n  Discharge at 2 mA/cm2 for 10 min\n  Charge at 2 mA/cm2 for 10 min'
HOLD='Hold at -0.4 V vs Ag/AgCl for 100 h'
for run in "ch1|$BATTERY" "ch2|$BATTERY" "ch3|$HOLD" "ch4|$HOLD"; do
  curl -sf -H "$AUTH" -H 'Content-Type: application/json' "localhost:$PORT/api/runs" \
       -d "{\"channel\":\"${run%%|*}\",\"protocol\":\"${run#*|}\",\"cell\":{\"areaCm2\":1}}" > /dev/null
done
charged() { awk '/^write_bytes/ {print $2}' /proc/$PID/io; }
kbs() { awk "BEGIN {printf \"%.2f\", $1 / $2 / 1000}"; }
c0=$(charged); d0=$(device); cl=$c0; dl=$d0; cmax=0; dmax=0
echo "minute  device_B  device_KB/s  charged_B  charged_KB/s"
for m in $(seq 1 "$MINUTES"); do
  sleep 60
  c=$(charged); d=$(device); dc=$((c - cl)); dd=$((d - dl)); cl=$c; dl=$d
  [ $dc -gt $cmax ] && cmax=$dc
  [ $dd -gt $dmax ] && dmax=$dd
  echo "$m  $dd  $(kbs $dd 60)  $dc  $(kbs $dc 60)"
done
echo "device: average $(kbs $((dl - d0)) $((MINUTES * 60))) KB/s over $MINUTES min, largest minute $(kbs $dmax 60) KB/s"
echo "charged to the process: average $(kbs $((cl - c0)) $((MINUTES * 60))) KB/s, largest minute $(kbs $cmax 60) KB/s"
for run in 1 2 3 4; do
  curl -s -H "$AUTH" "localhost:$PORT/api/runs/$run" | grep -o '"state":"[A-Z]*"\|"samplesStored":[0-9]*' | tr '\n' ' '
  echo
done
ls -l "$DATA"
