#!/usr/bin/env bash
# Times Portrait on a generated ledger and prints a table (docs/performance.md).
#
#   scripts/bench.sh CUSTOMERS [WORKDIR]
#
# Generates a ledger of CUSTOMERS customers with `portrait sample` (kept in WORKDIR for the next
# run), then times, each with /usr/bin/time -v:
#   validate            `portrait validate`
#   build-full          a full `portrait build` into an empty folder
#   write-baseline      the floor of goal 1, "merely writing the same files and bytes": the site
#                       build-full made is read into memory, then written to a fresh folder with
#                       open/write/close on 2 threads (scripts/write-baseline.c, compiled here);
#                       the table's last lines give build-full / write-baseline
#   build-no-portraits  a build with `pages.portraits: none`
#   rebuild-one-row     a rebuild in place after one row of orders.csv changed (the amount of the
#                       first order line goes up by 1.00; the file is restored afterwards): the
#                       first rebuild after a full build, which links every unchanged file into a
#                       new staging folder
#   rebuild-again       the next rebuild after another change of that row (+2.00): it starts from
#                       the site the first one swapped out (kept as .site.staging), as every later
#                       rebuild does
#   build-top50k        a build with `pages.portraits: top:50000` (goal 3, meant for 1M customers)
#   duckdb              the yardstick of goal 2, "DuckDB's bare aggregation on the same CSVs", run
#                       here (scripts/duckdb-baseline.py; its time is the reading and the queries,
#                       not Python's start); a default step when `import duckdb` works (`pip install
#                       duckdb`); the table's last lines give validate / duckdb
#   rebuild-top50k, rebuild-top50k-again
#                       the two rebuilds above, of the build-top50k site
# From 500,000 customers on, the default steps are validate, build-no-portraits and build-top50k
# (the goals set at a million; a full build there writes a million pages, 12 GB); below, every
# step but build-top50k.
# WORKDIR defaults to /dev/shm so the disk is out of the figures. BENCH_DISK=/some/ext4/folder
# adds the same on disk: build-full-disk, write-baseline-disk and rebuild-one-row-disk, each
# into a folder of its own (ext4 creates files slowly for minutes after many were deleted, so
# nothing is deleted before a timed step); BENCH_DISK_WAIT=SECONDS then waits and times
# rebuild-later-disk, the rebuild "minutes later" of issue #5. PORTRAIT=path picks the binary
# (default: .build/release/portrait, built if missing). BENCH_STEPS="validate build-full" runs
# only the steps named (a full build at a million customers renders a million pages). The
# machine may be shared: the load average is printed with the table; compare user times, or
# repeat: BENCH_RUNS=N runs the whole sequence N times and shows, per step, the run of median wall
# time with the range of all (the issue's goals are medians), the highest RSS of all, and the
# status of a failed run if any failed.
set -euo pipefail

size=${1:?usage: scripts/bench.sh CUSTOMERS [WORKDIR]}
work=${2:-/dev/shm/portrait-bench-$size}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${PORTRAIT:-$root/.build/release/portrait}
disk=${BENCH_DISK:-}
if [ ! -x "$bin" ]; then (cd "$root" && swift build -c release --product portrait); fi

mkdir -p "$work"
data=$work/data
if [ ! -f "$data/interactions.csv" ]; then
    echo "Generating $size customers in $data…" >&2
    "$bin" sample --customers "$size" --out "$data" --force  # over a sample left half-written
fi
printf 'pages:\n  portraits: none\n' > "$work/no-portraits.yml"
printf 'pages:\n  portraits: top:50000\n' > "$work/top50k.yml"
: > "$work/empty.yml"
baseline=$work/write-baseline
if [ ! -x "$baseline" ] || [ "$root/scripts/write-baseline.c" -nt "$baseline" ]; then
    cc -O2 -pthread -o "$baseline" "$root/scripts/write-baseline.c"
fi

if [ "$size" -ge 500000 ]; then default_steps="validate build-no-portraits build-top50k rebuild-top50k rebuild-top50k-again"
else default_steps="validate build-full write-baseline build-no-portraits rebuild-one-row rebuild-again"; fi
if python3 -c 'import duckdb' 2>/dev/null; then default_steps="$default_steps duckdb"; fi
steps=${BENCH_STEPS:-$default_steps}
if [ -n "$disk" ] && [ -z "${BENCH_STEPS:-}" ]; then
    steps="$steps build-full-disk write-baseline-disk rebuild-one-row-disk rebuild-again-disk"
    [ -n "${BENCH_DISK_WAIT:-}" ] && steps="$steps rebuild-later-disk"
fi
wanted() { case " $steps " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Free memory moves the write baseline: with 9 GB free and 10 GB held by /dev/shm it measured
# 0.75-0.84 s at 100k, with 16 GB free 0.54-0.56 s (same program, same files).
free_before=$(awk '/^MemAvailable:/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)
runs=${BENCH_RUNS:-1}
labels=()
declare -A walls rss_of results
# row LABEL WALL USER SYS RSS STATUS: one run of a step; the table shows each step's median run.
row() {
    [ -n "${results[$1]:-}" ] || labels+=("$1")
    results[$1]+="$2 $3 $4 $5 $6"$'\n'
}
# median LABEL: "WALL USER SYS RSS STATUS RANGE" of the run of median wall time (the lower of the
# two middle ones for an even count) among the runs that exited 0 with a time, RANGE their lowest
# and highest wall; RSS is the highest of all runs (the memory goals are peaks); STATUS is that of
# the first failed run if any failed, so a failure always shows (the time is then a failed run's
# when none succeeded).
median() {
    printf '%s' "${results[$1]}" | awk '
        { n++; wall[n] = $1; user[n] = $2; sys[n] = $3; status[n] = $5
          if ($4 + 0 > rss) rss = $4 + 0
          if ($5 != "0" && failed == "") failed = $5 }
        END {
            k = 0  # the runs that count, by index, then sorted by wall time
            for (i = 1; i <= n; i++) if (status[i] == "0" && wall[i] ~ /^[0-9.]+$/) order[++k] = i
            if (k == 0) for (i = 1; i <= n; i++) order[++k] = i
            for (i = 2; i <= k; i++)
                for (j = i; j > 1 && wall[order[j - 1]] + 0 > wall[order[j]] + 0; j--) { t = order[j]; order[j] = order[j - 1]; order[j - 1] = t }
            m = order[int((k + 1) / 2)]
            printf "%s %s %s %s %s %s\n", wall[m], user[m], sys[m], rss, (failed == "" ? status[m] : failed),
                (n > 1 ? wall[order[1]] "–" wall[order[k]] : "")
        }'
}
# measure LABEL COMMAND…: runs the command under /usr/bin/time -v and keeps one table row. With
# own_wall=TEXT, the wall time is the first word of the command's output line holding TEXT (a
# time the command measures itself) rather than the whole process's.
measure() {
    local label=$1; shift
    wanted "$label" || return 0
    sync
    local log=$work/$label.time status=0
    /usr/bin/time -v "$@" > "$work/$label.out" 2> "$log" || status=$?
    local wall user sys rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$log")
    user=$(awk -F': ' '/User time/ {print $2}' "$log")
    sys=$(awk -F': ' '/System time/ {print $2}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    if [ -n "${own_wall:-}" ]; then
        wall=$(awk -v text="$own_wall" 'index($0, text) { print $1; exit }' "$work/$label.out")
    fi
    row "$label" "${wall:-?}" "$user" "$sys" "$rss" "$status"
}
# writing LABEL SITE DEST: the write-baseline step. Its wall, user and sys times are the ones the
# program measures for the writing alone (not reading the site into memory first).
writing() {
    local label=$1 site=$2 dest=$3
    wanted "$label" || return 0
    [ -d "$site" ] || { echo "$label: $site missing (run build-full first)" >&2; return 0; }
    sync
    local log=$work/$label.time status=0
    /usr/bin/time -v "$baseline" "$site" "$dest" 2 > "$work/$label.out" 2> "$log" || status=$?
    local seconds user sys rss
    seconds=$(awk '/ s to write / {print $1}' "$work/$label.out")
    user=$(awk '/ s to write / {for (i = 1; i < NF; i++) if ($(i + 1) == "s" && $(i + 2) == "user") print $i}' "$work/$label.out")
    sys=$(awk '/ s to write / {for (i = 1; i < NF; i++) if ($(i + 1) == "s" && $(i + 2) == "sys") print $i}' "$work/$label.out")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    row "$label" "${seconds:-?}" "${user:-?}" "${sys:-?}" "$rss" "$status"
}
# change_one_order [DELTA] / restore_orders: one row of orders.csv changes, the first whose amount
# is a plain number going up by DELTA (default 1.00); the original is put back afterwards, also if
# the script stops.
change_one_order() {
    cp -p "$data/orders.csv" "$work/orders.csv.orig"
    trap restore_orders EXIT
    awk -F, -v OFS=, -v delta="${1:-1}" '!done && NR > 1 && $0 !~ /"/ && $4 ~ /^-?[0-9]+([.][0-9]+)?$/ { $4 = sprintf("%.2f", $4 + delta); done = 1 }
                      { print } END { if (!done) exit 3 }' "$work/orders.csv.orig" > "$data/orders.csv"
}
restore_orders() {
    if [ -f "$work/orders.csv.orig" ]; then mv "$work/orders.csv.orig" "$data/orders.csv"; fi
    trap - EXIT
}

# rebuild_after_change LABEL DELTA CONFIG SITE: measure LABEL, a rebuild of SITE after the first
# plain amount of orders.csv went up by DELTA (orders.csv put back afterwards).
rebuild_after_change() {
    wanted "$1" || return 0
    change_one_order "$2"
    measure "$1" "$bin" build --data "$data" --config "$work/$3" --out "$4"
    restore_orders
}
compute_runs=()
for ((run = 1; run <= runs; run++)); do
    [ "$runs" -gt 1 ] && echo "Run $run of $runs…" >&2
    stamp=$(date +%s)-$run
    if wanted build-full; then rm -rf "$work/site" "$work/.site.staging"; fi
    measure validate "$bin" validate --data "$data"
    # Goal 2's yardstick: its wall time is the script's own, reading and queries without
    # Python's start; user and sys are the whole process's.
    own_wall=' s DuckDB aggregation ' measure duckdb python3 "$root/scripts/duckdb-baseline.py" "$data"
    measure build-full "$bin" build --data "$data" --config "$work/empty.yml" --out "$work/site"
    rm -rf "$work/baseline-out"
    writing write-baseline "$work/site" "$work/baseline-out"
    rm -rf "$work/baseline-out"
    if wanted build-no-portraits; then rm -rf "$work/site-none" "$work/.site-none.staging"; fi
    measure build-no-portraits "$bin" build --data "$data" --config "$work/no-portraits.yml" --out "$work/site-none"
    # Goal 2 is "read + check + compute (no pages)": the build without portraits times those stages
    # (reading ledger, auditing data quality, computing analytics) in its summary.
    if wanted build-no-portraits; then
        compute_runs+=("$(awk '/^Stages:/ { n = split($0, p, ", "); s = 0
            for (i = 1; i <= n; i++) if (p[i] ~ /reading ledger|auditing data quality|computing analytics/) { split(p[i], w, " "); s += w[length(w) - 1] }
            printf "%.2f", s }' "$work/build-no-portraits.time" 2>/dev/null || true)")
    fi
    if wanted build-top50k; then rm -rf "$work/site-top50k" "$work/.site-top50k.staging"; fi
    measure build-top50k "$bin" build --data "$data" --config "$work/top50k.yml" --out "$work/site-top50k"
    rebuild_after_change rebuild-top50k 1 top50k.yml "$work/site-top50k"
    rebuild_after_change rebuild-top50k-again 2 top50k.yml "$work/site-top50k"
    rebuild_after_change rebuild-one-row 1 empty.yml "$work/site"
    rebuild_after_change rebuild-again 2 empty.yml "$work/site"
    if [ -n "$disk" ]; then
        mkdir -p "$disk"
        disk_site=$disk/site-$stamp
        measure build-full-disk "$bin" build --data "$data" --config "$work/empty.yml" --out "$disk_site"
        writing write-baseline-disk "$disk_site" "$disk/baseline-$stamp"
        rebuild_after_change rebuild-one-row-disk 1 empty.yml "$disk_site"
        rebuild_after_change rebuild-again-disk 2 empty.yml "$disk_site"
        if wanted rebuild-later-disk; then sleep "${BENCH_DISK_WAIT:-0}"; fi
        rebuild_after_change rebuild-later-disk 3 empty.yml "$disk_site" # another amount than the site holds now
    fi
done

echo
echo "Portrait $(cd "$root" && git rev-parse --short HEAD 2>/dev/null || echo '?'), $size customers ($(du -shL "$data" | cut -f1) in $data), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "$(nproc) cores; load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg); memory available before: $free_before"
echo
if [ "$runs" -gt 1 ]; then
    echo "Each step's run of median wall time of $runs runs, with the range of those that succeeded."
    echo
    echo '| step                   |   wall s |   user s |   sys s |   RSS MB | exit | wall range s |'
    echo '|------------------------|---------:|---------:|--------:|---------:|-----:|-------------:|'
else
    echo '| step                   |   wall s |   user s |   sys s |   RSS MB | exit |'
    echo '|------------------------|---------:|---------:|--------:|---------:|-----:|'
fi
failures=()
for label in "${labels[@]}"; do
    read -r wall user sys rss status range <<< "$(median "$label")"
    walls[$label]=$wall
    rss_of[$label]=$rss
    [ "$status" = 0 ] || failures+=("$label (exit $status)")
    if [ "$runs" -gt 1 ]; then
        printf '| %-22s | %8s | %8s | %7s | %8s | %4s | %12s |\n' "$label" "$wall" "$user" "$sys" "$rss" "$status" "$range"
    else
        printf '| %-22s | %8s | %8s | %7s | %8s | %4s |\n' "$label" "$wall" "$user" "$sys" "$rss" "$status"
    fi
done
echo
if [ "${#failures[@]}" -gt 0 ]; then echo "FAILED: ${failures[*]}; the figures below include no failed run where another succeeded."; echo; fi
ratio() { awk -v a="$2" -v b="$3" -v l="$1" 'BEGIN { if (a > 0 && b > 0) printf "%s: %.2f×\n", l, a / b }'; }
# bound LABEL VALUE LIMIT UNIT: one goal with a fixed bound, and whether the run met it.
bound() { awk -v v="$2" -v m="$3" -v l="$1" -v u="$4" 'BEGIN { if (v != "") printf "%s: %s %s (%s)\n", l, v, u, (v + 0 <= m + 0 ? "met" : "not met") }'; }
# The median of goal 2's stage sums (collected per run above).
compute=
if [ "${#compute_runs[@]}" -gt 0 ]; then
    # Runs whose build printed no stages (it failed) have no value and are left out.
    compute=$(printf '%s\n' "${compute_runs[@]}" | grep -E '^[0-9.]+$' | sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }' || true)
    [ "${#compute_runs[@]}" -gt 1 ] && echo "read + check + compute per run: ${compute_runs[*]}"
fi
ratio "validate / duckdb (goal 2: ≤ 1×, no slower than DuckDB here)" "${walls[validate]:-}" "${walls[duckdb]:-}"
ratio "read + check + compute / duckdb (goal 2: ≤ 1×)" "$compute" "${walls[duckdb]:-}"
if [ "$size" -ge 500000 ]; then
    bound "read + check + compute, stages of build-no-portraits (goal 2 at 1M: < 6 s)" "$compute" 6 s
    bound "validate (goal 2 at 1M: < 6 s)" "${walls[validate]:-}" 6 s
    bound "validate peak memory (goal 2 at 1M: < 3 GB)" "${rss_of[validate]:-}" 3072 MB
    bound "build-top50k (goal 3: < 30 s)" "${walls[build-top50k]:-}" 30 s
    ratio "rebuild-top50k / build-top50k" "${walls[rebuild-top50k]:-}" "${walls[build-top50k]:-}"
    ratio "rebuild-top50k-again / build-top50k" "${walls[rebuild-top50k-again]:-}" "${walls[build-top50k]:-}"
else
    bound "validate (goal 2: ~1 s at 100k)" "${walls[validate]:-}" 1 s
    bound "read + check + compute, stages of build-no-portraits (goal 2: ~1 s at 100k)" "$compute" 1 s
    bound "build-full peak memory (goal 1: ≤ 400 MB)" "${rss_of[build-full]:-}" 400 MB
fi
ratio "build-full / write-baseline (goal 1: ≤ 1.5×)" "${walls[build-full]:-}" "${walls[write-baseline]:-}"
ratio "rebuild-one-row / build-full (goal 4: ≤ 0.2×)" "${walls[rebuild-one-row]:-}" "${walls[build-full]:-}"
ratio "rebuild-again / build-full (goal 4: ≤ 0.2×)" "${walls[rebuild-again]:-}" "${walls[build-full]:-}"
ratio "build-full-disk / write-baseline-disk (goal 1: ≤ 1.5×)" "${walls[build-full-disk]:-}" "${walls[write-baseline-disk]:-}"
ratio "rebuild-one-row-disk / build-full-disk (goal 4: ≤ 0.2×)" "${walls[rebuild-one-row-disk]:-}" "${walls[build-full-disk]:-}"
ratio "rebuild-again-disk / build-full-disk (goal 4: ≤ 0.2×)" "${walls[rebuild-again-disk]:-}" "${walls[build-full-disk]:-}"
ratio "rebuild-later-disk / build-full-disk" "${walls[rebuild-later-disk]:-}" "${walls[build-full-disk]:-}"
if [ -n "$disk" ]; then echo "Disk sites are left in $disk (site-*, .site-*.staging, baseline-*, one of each per run); remove them when done."; fi
