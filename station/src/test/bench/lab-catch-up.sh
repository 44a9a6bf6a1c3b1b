#!/usr/bin/env bash
# Benchmark (docs/benchmarks.md, "Lab: replication into PostgreSQL"): the packaged station stores HOURS of
# 1 Hz samples on each of its 4 channels (simulated, at maximum speed) while the central PostgreSQL is down,
# then PostgreSQL starts and the time until the station reports "caught-up" is measured.
# Usage, as root from the repository root after ./mvnw -pl station -am package -DskipTests:
#   station/src/test/bench/lab-catch-up.sh [HOURS=1]
set -euo pipefail
HOURS=${1:-1}
PGB=$(printf "%s\n" /usr/lib/postgresql/*/bin | sort -V | tail -1)
PG=$(mktemp -d /tmp/no3rr-bench-pg.XXXX); DATA=$(mktemp -d /tmp/no3rr-bench-station.XXXX)
PGPORT=55432; PORT=18181
chown postgres: "$PG"
pg() { runuser -u postgres -- "$PGB/pg_ctl" -D "$PG/data" -l "$PG/log" -w "$@" >/dev/null; }
runuser -u postgres -- "$PGB/initdb" -D "$PG/data" -U lab --auth=trust -E UTF8 >/dev/null
pg -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1" start
runuser -u postgres -- "$PGB/createdb" -h 127.0.0.1 -p $PGPORT -U lab lab
pg -m fast stop                                   # the outage: PostgreSQL is down while the runs record

java -Xmx256m -Dquarkus.http.port=$PORT -Dstation.data-dir="$DATA" -Dstation.simulation.speed=max \
     -Dstation.id=bench-1 -Dstation.lab.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/lab -Dstation.lab.db.username=lab \
     -Dstation.lab.db.max-retry-interval=1s -jar station/target/quarkus-app/quarkus-run.jar > "$DATA.log" 2>&1 &
STATION=$!
trap 'kill $STATION 2>/dev/null || true; pg -m fast stop 2>/dev/null || true; rm -rf "$PG" "$DATA"' EXIT
until curl -sf localhost:$PORT/q/health/live >/dev/null; do sleep 0.5; done
H="Authorization: Bearer $(cat "$DATA/access-token")"
for ch in ch1 ch2 ch3 ch4; do
    curl -sf -H "$H" -H 'Content-Type: application/json' localhost:$PORT/api/runs \
         -d "{\"channel\":\"$ch\",\"protocol\":\"Rest for $HOURS h\",\"cell\":{\"areaCm2\":1.0}}" >/dev/null
done
until [ "$(curl -sf -H "$H" localhost:$PORT/api/runs | grep -o '"state":"DONE"' | wc -l)" = 4 ]; do sleep 0.5; done
curl -s localhost:$PORT/q/health | tr -d ' \n' | grep -o '"name":"labreplication"[^}]*}[^}]*}'; echo

START=$(date +%s.%N)
pg -o "-p $PGPORT -k $PG -c listen_addresses=127.0.0.1" start
until curl -s localhost:$PORT/q/health | tr -d ' \n' | grep -q '"state":"caught-up"'; do sleep 0.2; done
END=$(date +%s.%N)
N=$(runuser -u postgres -- "$PGB/psql" -h 127.0.0.1 -p $PGPORT -U lab -d lab -Atc "select count(*) from lab_samples")
echo "caught up: $N samples central in $(echo "$END - $START" | bc) s from PostgreSQL's start (its start and a retry wait of at most 1 s included)"
uptime
