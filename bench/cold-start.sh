#!/usr/bin/env bash
# Cold against warm: one-shot `check --stats` on N synthetic intents (check_ms = the cold first pass, warm_check_ms =
# the median of 5 more passes in the same process), repeated RUNS times, and the time from starting `serve` on a
# fresh data directory to its first 200 on /readyz.
# Usage: bench/cold-start.sh [N] [RUNS]   (needs curl)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-5000}
runs=${2:-5}
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
"$root/deconflict" gen intents --n "$n" --seed 7 --out "$work/intents.geojson"   # also builds the CLI if needed
for k in $(seq 1 "$runs"); do
  "$root/deconflict" check --intents "$work/intents.geojson" --out /dev/null --stats --repeat 5 2>>"$work/check.jsonl"
  echo "check run $k/$runs: $(tail -n 1 "$work/check.jsonl")" >&2
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start=$(date +%s%N)
"$root/deconflict" serve --data "$work/data" --urls "http://127.0.0.1:$port" >"$work/serve.log" 2>&1 &
pid=$!
ready=
for _ in $(seq 1 600); do   # at most 60 s
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then ready=$(date +%s%N); break; fi
  sleep 0.1
done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
python3 - "$work/check.jsonl" "$start" "${ready:-}" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
cold = statistics.median(r["check_ms"] for r in rows)
warm = statistics.median(r["warm_check_ms"] for r in rows)
print(f"check, {rows[0]['intents']} intents ({rows[0]['volumes']} volumes): cold {cold:.1f} ms, warm {warm:.1f} ms "
      f"(medians of {len(rows)} processes; cold/warm {cold/warm:.2f}x)")
print(f"serve: first 200 on /readyz after {(int(sys.argv[3]) - int(sys.argv[2])) / 1e6:.0f} ms" if sys.argv[3] else "serve: /readyz did not answer within 60 s")
PY
