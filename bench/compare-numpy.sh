#!/usr/bin/env bash
# Times the numpy all-pairs baseline (../shared/bench/baseline_numpy.py) and COLD one-shot `deconflict detect --stats`
# processes on the same synthetic 5,000-aircraft file, in one run, and prints the speed-up (and the warm pass beside it).
# Usage: bench/compare-numpy.sh [N] [RUNS]   (needs Debian's python3-numpy)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-5000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3
"$python" -c 'import numpy' 2>/dev/null || { echo "python3-numpy is missing: apt-get install python3-numpy" >&2; exit 1; }
"$root/deconflict" gen tracks --n "$n" --seed 1 --out "$work/tracks.csv"   # also builds the CLI if needed
baseline=$("$python" "$root/../shared/bench/baseline_numpy.py" "$work/tracks.csv" "$work/numpy.csv")
echo "numpy:      $baseline"
# Each run is a new process: detect_ms is its first (cold) pass; the last run also times 9 warm passes.
for k in $(seq 1 "$runs"); do
  extra=(); [ "$k" = "$runs" ] && extra=(--repeat 9)
  "$root/deconflict" detect --tracks "$work/tracks.csv" --out /dev/null --stats "${extra[@]}" 2>>"$work/stats.jsonl"
  echo "run $k/$runs: $(tail -n 1 "$work/stats.jsonl")" >&2
done
numpy_s=$(echo "$baseline" | sed -n 's/.*detect_s=\([0-9.e+-]*\).*/\1/p')
"$python" - "$numpy_s" "$work/stats.jsonl" <<'PY'
import json, statistics, sys
numpy_ms = float(sys.argv[1]) * 1000
rows = [json.loads(line) for line in open(sys.argv[2]) if line.startswith("{")]
cold = statistics.median(r["detect_ms"] for r in rows)
warm = rows[-1]["warm_detect_ms"]
print(f"deconflict: cold detect_ms median of {len(rows)} processes {cold:.2f} ms, warm pass {warm:.2f} ms (cold/warm {cold/warm:.1f}x)")
print(f"speed-up:   numpy {numpy_ms:.1f} ms / deconflict cold {cold:.2f} ms = {numpy_ms/cold:.0f}x (warm: {numpy_ms/warm:.0f}x)")
PY
