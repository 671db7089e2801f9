#!/usr/bin/env bash
# Fuzzes one of Portrait's parsers with libFuzzer (+ AddressSanitizer/LeakSanitizer).
#
#   scripts/fuzz.sh csv 1800        # fuzz the CSV reader for 30 minutes
#   scripts/fuzz.sh decoding 600    # UTF-8 / BOM / GB18030 decoding, then CSV, 10 minutes
#   scripts/fuzz.sh values 600      # dates, amounts, satisfaction, enums, contacts, derive expressions
#   scripts/fuzz.sh xml 600         # XMLRecordReader (libxml2) on a temp file
#   scripts/fuzz.sh ledger 600      # a small ledger folder through LedgerReader.read
#   scripts/fuzz.sh build           # only build .build-fuzz/debug/portrait-fuzz
#   scripts/fuzz.sh replay csv FILE…  # run saved inputs once (no fuzzing), e.g. a crash file
#
# The live corpus grows in .build-fuzz/corpus/TARGET (gitignored), seeded read-only from
# Tests/Fixtures/fuzz/TARGET/{seeds,regressions}, with the dictionary TARGET.dict beside them. Crash, timeout, leak and OOM inputs land in
# .build-fuzz/artifacts/TARGET/; copy each into Tests/Fixtures/fuzz/TARGET/regressions/ once
# fixed (docs/fuzzing.md). The run's output is in .build-fuzz/logs/TARGET.log; its final stats
# (execs, cov, ft, corpus) are printed at the end. Extra arguments go to libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."

targets="csv decoding values xml ledger"
scratch=.build-fuzz
binary=$scratch/debug/portrait-fuzz

build() {
    swift build -c debug --product portrait-fuzz --scratch-path "$scratch" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING \
        2>&1 | grep -v "warning: Cannot export local symbol" >&2
}

usage() {
    echo "usage: scripts/fuzz.sh TARGET [SECONDS] [libFuzzer flags…]   (TARGET: ${targets// /, })" >&2
    echo "       scripts/fuzz.sh build | replay TARGET FILE…" >&2
    exit 2
}

[ $# -ge 1 ] || usage
case "$1" in
build)
    build
    exit 0
    ;;
replay)
    [ $# -ge 3 ] || usage
    target=$2
    shift 2
    build
    SWIFT_BACKTRACE=enable=no PORTRAIT_FUZZ_TARGET=$target exec "$binary" -runs=1 "$@"
    ;;
esac

target=$1
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
case " $targets " in *" $target "*) ;; *) usage ;; esac

build
corpus=$scratch/corpus/$target
artifacts=$scratch/artifacts/$target
mkdir -p "$corpus" "$artifacts" "$scratch/logs"
log=$scratch/logs/$target.log

seeds=(Tests/Fixtures/fuzz/"$target"/seeds)
[ -n "$(ls -A Tests/Fixtures/fuzz/"$target"/regressions 2>/dev/null | grep -v '^\.gitkeep$')" ] &&
    seeds+=(Tests/Fixtures/fuzz/"$target"/regressions)

dictionary=Tests/Fixtures/fuzz/$target/$target.dict
[ -f "$dictionary" ] && set -- -dict="$dictionary" "$@"

echo "Fuzzing $target for ${seconds}s; log in $log" >&2
status=0
# Swift's own backtracer would run inside ASan's signal handling and bury the real report.
SWIFT_BACKTRACE=enable=no PORTRAIT_FUZZ_TARGET=$target "$binary" "$corpus" "${seeds[@]}" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" >"$log" 2>&1 || status=$?

grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb|stat::new_units_added)' "$log" >&2 || true
echo "corpus: $(ls "$corpus" | wc -l) files in $corpus" >&2
if [ $status -ne 0 ]; then
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$log" >&2 || tail -20 "$log" >&2
    echo "fuzz.sh: $target stopped with status $status; the input is in $artifacts/" >&2
fi
exit $status
