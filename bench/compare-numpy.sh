#!/usr/bin/env bash
# Times the numpy all-pairs baseline (../shared/bench/baseline_numpy.py) and our detector on the same
# synthetic 5,000-aircraft file, one after the other in one run, and prints the speed-up.
# Usage: bench/compare-numpy.sh [N]   (needs Debian's python3-numpy)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3
"$python" -c 'import numpy' 2>/dev/null || { echo "python3-numpy is missing: apt-get install python3-numpy" >&2; exit 1; }
"$root/deconflict" gen tracks --n "$n" --seed 1 --out "$work/tracks.csv"
baseline=$("$python" "$root/../shared/bench/baseline_numpy.py" "$work/tracks.csv" "$work/numpy.csv")
echo "numpy:      $baseline"
ours=$("$root/deconflict" bench detect --tracks "$work/tracks.csv" --passes 9 | tr -d '\r')
echo "$ours" | tail -n 6
numpy_s=$(echo "$baseline" | sed -n 's/.*detect_s=\([0-9.e+-]*\).*/\1/p')
ours_ms=$(echo "$ours" | grep -E '^│ *[0-9,]+ *│' | awk -F'│' '{gsub(/ /,"",$5); print $5}' | head -n 1)
"$python" - "$numpy_s" "$ours_ms" <<'PY'
import sys
numpy_s, ours_ms = float(sys.argv[1]), float(sys.argv[2])
print(f"speed-up: numpy {numpy_s*1000:.1f} ms / deconflict {ours_ms:.2f} ms (median pass) = {numpy_s*1000/ours_ms:.0f}x")
PY
