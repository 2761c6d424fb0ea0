# Sourced by bench/busy-*.sh: `start_busy_loops SECONDS` keeps every core busy with one bounded
# loop each (they end after SECONDS at the latest) and stops them when the calling script exits.
# Sets `cores` to the number of loops started.
busy_pids=()
stop_busy_loops() {
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
start_busy_loops() {
  trap stop_busy_loops EXIT
  cores="$(nproc)"
  for _ in $(seq 1 "$cores"); do
    timeout "$1" bash -c 'while :; do :; done' &
    busy_pids+=("$!")
  done
}
