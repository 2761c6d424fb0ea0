#!/usr/bin/env bash
# bench/cli-start.sh [RUNS] — the time from the command to App.onLaunch: `tt-host run
# sample-miniapp` started RUNS times (default 10), each timed from just before the command until
# its `App.onLaunch` line arrives on stdout; prints every run, the p50 and the load average
# before and after. With TT_HOST_TRACE_STARTUP=1 set, each run's steps (JVM start to main, flag
# checks, JS engine, media factories, room server, launch) go to the log folder.
# Run it on an otherwise idle machine: the figure is wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-10}"
logs="$(mktemp -d -t tt-cli-start-XXXXXX)"

# Build and record the class-data archive first, so that no run pays for them.
"$root/tt-host" --version >/dev/null

echo "cli-start: $runs runs, load average before: $(cut -d' ' -f1-3 /proc/loadavg); logs in $logs" >&2
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  elapsed=""
  while IFS= read -r line; do
    if [ -z "$elapsed" ] && [[ "$line" == *"App.onLaunch"* ]]; then
      elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
    fi
  done < <("$root/tt-host" run "$root/sample-miniapp" --duration 1s 2>"$logs/run-$i.err")
  echo "run $i: ${elapsed:-never} ms" >&2
  [ -n "$elapsed" ] && times+=("$elapsed")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
n=${#sorted[@]}
echo "cli-start: command -> App.onLaunch p50 ${sorted[$(( (n - 1) / 2 ))]} ms, min ${sorted[0]} ms, max ${sorted[$(( n - 1 ))]} ms (n=$n of $runs); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
