#!/usr/bin/env bash
# Times Portrait on a generated ledger and prints a table (docs/performance.md).
#
#   scripts/bench.sh CUSTOMERS [WORKDIR]
#
# Generates a ledger of CUSTOMERS customers with `portrait sample` (kept in WORKDIR for the next
# run), then times, each with /usr/bin/time -v: `portrait validate`, a full `portrait build`, a
# build with `pages.portraits: none`, and a rebuild after one interaction row changed. WORKDIR
# defaults to /dev/shm so the disk is out of the figures. PORTRAIT=path picks the binary (default:
# .build/release/portrait, built if missing). BENCH_STEPS="validate build-no-portraits" runs only
# the steps named (a full build at a million customers renders a million pages). The machine may be shared: the load average is
# printed with the table; compare user times, or repeat.
set -euo pipefail

size=${1:?usage: scripts/bench.sh CUSTOMERS [WORKDIR]}
work=${2:-/dev/shm/portrait-bench-$size}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${PORTRAIT:-$root/.build/release/portrait}
if [ ! -x "$bin" ]; then (cd "$root" && swift build -c release); fi

mkdir -p "$work"
data=$work/data
if [ ! -f "$data/interactions.csv" ]; then
    echo "Generating $size customers in $data…" >&2
    "$bin" sample --customers "$size" --out "$data"
fi
printf 'pages:\n  portraits: none\n' > "$work/no-portraits.yml"
: > "$work/empty.yml"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rows=()
# measure LABEL COMMAND…: runs the command under /usr/bin/time -v and keeps one table row.
measure() {
    local label=$1; shift
    case " ${BENCH_STEPS:-validate build-full build-no-portraits rebuild-one-row} " in
        *" $label "*) ;;
        *) return 0 ;;
    esac
    local log=$work/$label.time status=0
    /usr/bin/time -v "$@" > "$work/$label.out" 2> "$log" || status=$?
    local wall user sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    user=$(awk -F': ' '/User time/ {print $2}' "$log")
    sys=$(awk -F': ' '/System time/ {print $2}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    rows+=("$(printf '| %-22s | %8s | %8s | %7s | %8s | %4s |' "$label" "$wall" "$user" "$sys" "$rss" "$status")")
}

measure validate "$bin" validate --data "$data"
measure build-full "$bin" build --data "$data" --config "$work/empty.yml" --out "$work/site"
measure build-no-portraits "$bin" build --data "$data" --config "$work/no-portraits.yml" --out "$work/site-none"
# One row changed: the first interaction's summary gains a word; the site is rebuilt in place.
if [[ " ${BENCH_STEPS:-rebuild-one-row} " == *" rebuild-one-row "* ]]; then
    sed -i '2s/$/（已更新）/' "$data/interactions.csv"
    measure rebuild-one-row "$bin" build --data "$data" --config "$work/empty.yml" --out "$work/site"
    sed -i '2s/（已更新）$//' "$data/interactions.csv"
fi

echo
echo "Portrait $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $size customers ($(du -shL "$data" | cut -f1) in $data), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "$(nproc) cores; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo '| step                   |   wall s |   user s |   sys s |   RSS MB | exit |'
echo '|------------------------|---------:|---------:|--------:|---------:|-----:|'
printf '%s\n' "${rows[@]}"
