# shellcheck shell=bash
# Shared by the no3rr-station-* commands: where the package put things and what the station's
# configuration says. Sourced, not run.
#
# Paths are found from this file's own location, so that the scripts also work from an unpacked copy
# of the package (the deploy tests run them that way). Environment variables override, for the tests
# and for unusual installs: STATION_DATA_DIR (the same variable the station reads), NO3RR_STATION_URL,
# NO3RR_STATION_USER.
#
# The variables set here are read by the scripts that source this file:
# shellcheck disable=SC2034

# /usr/lib/no3rr-station/settings.sh -> the root the package was unpacked into ("" when it is /).
NO3RR_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
if [ "$NO3RR_ROOT" = / ]; then
    NO3RR_ROOT=""
fi

NO3RR_CONF="$NO3RR_ROOT/etc/no3rr-station/application.properties"
# The certificate and key HTTPS uses (no3rr-station-certificate makes them on install).
NO3RR_TLS_DIR="$NO3RR_ROOT/etc/no3rr-station/tls"
NO3RR_APP_DIR="$NO3RR_ROOT/usr/share/no3rr-station/quarkus-app"
NO3RR_UNIT=no3rr-station.service
NO3RR_DB_NAME=station
NO3RR_DB_USER=station

# The last "key=value" line for a key in the station's configuration, or the default given.
# Handles the plain key=value lines the packaged configuration uses, not every .properties form.
conf_value() {
    local key="$1" default="$2" value=""
    if [ -r "$NO3RR_CONF" ]; then
        value=$(sed -n "s/^[[:space:]]*${key//./\\.}[[:space:]]*=[[:space:]]*//p" "$NO3RR_CONF" | tail -n 1)
    fi
    printf '%s\n' "${value:-$default}"
}

NO3RR_DATA_DIR="${STATION_DATA_DIR:-$(conf_value station.data-dir /var/lib/no3rr-station)}"
# Plain HTTP on this machine, unless the station serves HTTPS only (quarkus.http.insecure-requests).
if [ "$(conf_value quarkus.http.insecure-requests enabled)" = enabled ]; then
    NO3RR_URL="${NO3RR_STATION_URL:-http://127.0.0.1:$(conf_value quarkus.http.port 8080)}"
else
    NO3RR_URL="${NO3RR_STATION_URL:-https://127.0.0.1:$(conf_value quarkus.http.ssl-port 8443)}"
fi
NO3RR_USER="${NO3RR_STATION_USER:-no3rr}"
NO3RR_BACKUP_DIR="$NO3RR_DATA_DIR/backups"
# Written by the station on its first start (mode 0600, owner no3rr); every /api request must send one
# as "Authorization: Bearer <token>": the operator's controls the station, the viewer's only reads. They
# live in the data directory, so they follow STATION_DATA_DIR.
NO3RR_TOKEN_FILE="$NO3RR_DATA_DIR/access-token"
NO3RR_VIEWER_TOKEN_FILE="$NO3RR_DATA_DIR/viewer-token"

log() {
    printf '%s: %s\n' "$(basename "$0")" "$*" >&2
}

die() {
    log "$*"
    exit 1
}

# The operator's token from its file; fails, saying why, when it cannot be read.
operator_token() {
    local token
    if [ ! -e "$NO3RR_TOKEN_FILE" ]; then
        die "there is no access token at $NO3RR_TOKEN_FILE; the station writes it on its first start into its data" \
            "directory (set STATION_DATA_DIR if that is elsewhere)"
    fi
    [ -r "$NO3RR_TOKEN_FILE" ] || die "cannot read the access token $NO3RR_TOKEN_FILE: run this as root (sudo)"
    token=$(tr -d '[:space:]' <"$NO3RR_TOKEN_FILE")
    [ -n "$token" ] || die "the access token file $NO3RR_TOKEN_FILE is empty"
    printf '%s\n' "$token"
}

# POSTs {} to the station's API path with the operator's token, writing the answer to the file given;
# prints the HTTP status. The token goes to curl on its standard input, not its command line, where any
# local user could read it in the process list. Every change must be sent as JSON.
post_to_station() {
    local path="$1" output="$2" max_time="$3" token
    token=$(operator_token)
    printf 'header = "Authorization: Bearer %s"\n' "$token" |
        station_curl --config - --silent --show-error --max-time "$max_time" --request POST \
            --header 'Content-Type: application/json' --data '{}' \
            --output "$output" --write-out '%{http_code}' "$NO3RR_URL$path"
}

# The H2 jar the station itself runs with, so a backup is always read and written by the same version.
h2_jar() {
    local jar
    for jar in "$NO3RR_APP_DIR"/lib/main/com.h2database.h2-*.jar; do
        if [ -r "$jar" ]; then
            printf '%s\n' "$jar"
            return 0
        fi
    done
    die "no H2 jar in $NO3RR_APP_DIR/lib/main: is the no3rr-station package installed completely?"
}

# True when systemd runs this machine (not in a chroot or a plain container).
systemd_running() {
    [ -d /run/systemd/system ]
}

# curl for the station: over HTTPS it trusts the station's own certificate.
station_curl() {
    if [[ "$NO3RR_URL" == https:* ]]; then
        curl --cacert "$(conf_value quarkus.http.ssl.certificate.files "$NO3RR_TLS_DIR/station.crt")" "$@"
    else
        curl "$@"
    fi
}

# Whether anything answers HTTP at the station's address: 0 yes, 1 nothing listens, 2 it does not answer.
station_answers() {
    local rc=0
    station_curl --silent --output /dev/null --max-time 10 "$NO3RR_URL/q/health/live" || rc=$?
    case "$rc" in
        0 | 22) return 0 ;;
        7) return 1 ;;
        *) return 2 ;;
    esac
}

# Opens a backup zip read-only with H2 and prints how many runs it holds; fails if it is not a database.
count_runs_in_backup() {
    local zip="$1"
    local output
    # TRACE_LEVEL_FILE=0: H2 cannot write its trace file into a zip, and would say so on every error.
    if ! output=$(java -cp "$(h2_jar)" org.h2.tools.Shell \
        -url "jdbc:h2:zip:$zip!/$NO3RR_DB_NAME;ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0" \
        -user "$NO3RR_DB_USER" -sql "SELECT COUNT(*) AS RUNS FROM RUN" 2>&1); then
        log "$output"
        die "$zip is not a readable station database backup"
    fi
    printf '%s\n' "$output" | sed -n '2p' | tr -d '[:space:]'
}
