#!/usr/bin/env bash
# Measures, on the assembled distribution: boot-to-trading (bin/start until the demo instance has
# started) and drop-to-trading (copying the example strategy jar into deploy/ until its instance has
# started), each the median of RUNS runs. Build first: mvn -B install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
TARBALL=$(ls karaf-assembly/target/quiver-karaf-*.tar.gz)
WORK=$(mktemp -d)
trap 'for h in "$WORK"/*/*/; do [ -x "$h/bin/stop" ] && stop_and_wait "$h"; done; rm -rf "$WORK"' EXIT

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
started_count() {
  local c
  c=$(grep -c "strategy sma-demo (io.quiver.strategy.sma) started" "$1/data/log/karaf.log" 2>/dev/null) || true
  echo "${c:-0}"
}
stop_and_wait() { # home
  "$1/bin/stop" >/dev/null 2>&1 || true
  local h
  h=$(cd "$1" && pwd)
  for _ in $(seq 1 300); do pgrep -f -- "-Dkaraf.home=$h " >/dev/null || return 0; sleep 0.2; done
}
wait_started() { # home, count
  for _ in $(seq 1 600); do [ "$(started_count "$1")" -ge "$2" ] && return 0; sleep 0.05; done; echo "timed out" >&2; exit 1
}

boots=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK"/boot && mkdir "$WORK"/boot && tar xzf "$TARBALL" -C "$WORK"/boot
  home=$(ls -d "$WORK"/boot/*/)
  t0=$(now); "$home/bin/start"; wait_started "$home" 1; t1=$(now)
  boots+=("$(echo "$t1 - $t0" | bc)")
  stop_and_wait "$home"
done

rm -rf "$WORK"/drop && mkdir "$WORK"/drop && tar xzf "$TARBALL" -C "$WORK"/drop
home=$(ls -d "$WORK"/drop/*/)
"$home/bin/start"; wait_started "$home" 1
jar=$(ls "$home"/deploy/io.quiver.examples.sma-*.jar)
cp "$jar" "$WORK/sma.jar"
drops=()
for run in $(seq 1 "$RUNS"); do
  rm "$jar"
  for _ in $(seq 1 200); do [ "$(grep -c 'strategy sma-demo stopped' "$home/data/log/karaf.log" || true)" -ge "$run" ] && break; sleep 0.05; done
  n=$(started_count "$home")
  t0=$(now); cp "$WORK/sma.jar" "$jar"; wait_started "$home" $((n + 1)); t1=$(now)
  drops+=("$(echo "$t1 - $t0" | bc)")
done
stop_and_wait "$home"

echo "boot-to-trading (s): ${boots[*]}  median $(printf '%s\n' "${boots[@]}" | median)"
echo "drop-to-trading (s): ${drops[*]}  median $(printf '%s\n' "${drops[@]}" | median)"
