#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time each, starting from the checked-in seed corpus.
#   Deploy/fuzz/run.sh [SECONDS] [NAME...]     default 60 s per target, every target
# New interesting inputs go to .build/fuzz/work/NAME (the checked-in corpus stays small); a crash
# leaves its input in .build/fuzz/artifacts/NAME/ and makes this script exit 1 naming the file.
# Turn a crash into a regression test in Tests/WallboardCoreTests, then add the input to the corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
if [ $# -eq 0 ]; then
    set -- $(cd Deploy/fuzz/targets && ls *.swift | sed 's/\.swift$//')
fi

Deploy/fuzz/build.sh "$@"

failed=0
for name in "$@"; do
    work=.build/fuzz/work/$name
    artifacts=.build/fuzz/artifacts/$name
    mkdir -p "$work" "$artifacts" "Deploy/fuzz/corpus/$name"
    dict=()
    [ -f "Deploy/fuzz/$name.dict" ] && dict=(-dict="Deploy/fuzz/$name.dict")
    log=.build/fuzz/$name.log
    echo "fuzzing $name for ${seconds}s (log: $log)"
    # max_len 4096: datagrams are at most 1400 bytes (longer ones must be rejected, so the
    # fuzzer may go past that); configs are small files. rss_limit catches leaks that grow per input.
    if .build/fuzz/"$name" "$work" "Deploy/fuzz/corpus/$name" "${dict[@]}" \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=1536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
    then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "  $name: no crash in ${runs:-?} runs, $cov"
    else
        failed=1
        echo "  $name: CRASH — input saved in $artifacts/:" >&2
        ls -1 "$artifacts" >&2
        grep -m5 -E 'ERROR|Fatal error|FUZZ INVARIANT|SUMMARY' "$log" >&2 || tail -20 "$log" >&2
    fi
done
exit $failed
