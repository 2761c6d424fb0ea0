#!/usr/bin/env bash
# bench/busy-verify.sh [RUNS] — runs the whole suite (`mvn -B verify`) RUNS times (default 3)
# while busy loops keep every core of the machine busy, and prints each run's result and wall
# time. Not part of CI: it loads the machine on purpose. The busy loops are bounded (`timeout`,
# an hour a run) and stopped when the script ends. Run `./verify` once first on a fresh machine
# (it installs what the suite needs); each run's log stays in the printed folder.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
logs="$(mktemp -d -t tt-busy-verify-XXXXXX)"

source "$root/bench/busy-loops.sh"
start_busy_loops "$(( runs * 3600 ))"
echo "busy-verify: $cores busy loops running; $runs runs of mvn -B verify; logs in $logs" >&2

passed=0
for i in $(seq 1 "$runs"); do
  begin=$SECONDS
  if (cd "$root" && mvn -B verify >"$logs/run-$i.log" 2>&1); then
    result=passed
    passed=$(( passed + 1 ))
  else
    result="FAILED: $(grep -E '<<< (FAILURE|ERROR)!|Tests run:.*(Failures: [1-9]|Errors: [1-9])' "$logs/run-$i.log" \
      | head -3 | tr '\n' ' ')"
  fi
  echo "run $i: $result after $(( (SECONDS - begin) / 60 )) min $(( (SECONDS - begin) % 60 )) s"
done
echo "busy-verify: $passed of $runs passed, with $cores cores busy (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
