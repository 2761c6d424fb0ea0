#!/usr/bin/env bash
# bench/busy-start.sh [RUNS] — starts sample-miniapp RUNS times (default 20) with `tt-host run`
# while two busy loops keep both cores of the machine busy, and counts how many runs started
# (App.onLaunch) and joined their room (joinRtcRoom:ok). Not part of CI: it loads the machine on
# purpose. The busy loops are bounded (`timeout`) and stopped when the script ends.
#
# Each run: `tt-host run sample-miniapp --remote bob --json` in the background, watched until the
# join succeeds, the process ends, or 120 s pass; then stopped with SIGTERM. Logs stay in the
# printed folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
watch_seconds=120
logs="$(mktemp -d -t tt-busy-start-XXXXXX)"

# Build first (tt-host builds on first use), so that no run pays for the build.
"$root/tt-host" token --app-id 5f0c3d7e9a1b2c4d6e8f0a1b --app-key tt-rtc-host-development-key \
  --room busy --user busy >/dev/null

source "$root/bench/busy-loops.sh"
start_busy_loops "$(( runs * (watch_seconds + 30) ))"
echo "busy-start: $cores busy loops running; $runs runs; logs in $logs" >&2

started=0
joined=0
for i in $(seq 1 "$runs"); do
  log="$logs/run-$i.jsonl"
  : >"$log"
  begin=$SECONDS
  "$root/tt-host" run "$root/sample-miniapp" --remote bob --duration 600s --json >"$log" 2>"$logs/run-$i.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && ! grep -q '"errMsg":"joinRtcRoom:ok"' "$log" \
      && [ $(( SECONDS - begin )) -lt "$watch_seconds" ]; do
    sleep 0.5
  done
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  run_started=no
  run_joined=no
  if grep -q '"name":"onLaunch"' "$log"; then run_started=yes; started=$(( started + 1 )); fi
  if grep -q '"errMsg":"joinRtcRoom:ok"' "$log"; then run_joined=yes; joined=$(( joined + 1 )); fi
  echo "run $i: started $run_started, joined $run_joined after $(( SECONDS - begin )) s$( \
    [ "$run_joined" = yes ] || echo "; stderr: $(head -c 300 "$logs/run-$i.err" | tr '\n' ' ')")"
done
echo "busy-start: $started of $runs started, $joined of $runs joined, with $cores cores busy (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
