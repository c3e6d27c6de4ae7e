#!/usr/bin/env bash
# Statuses that follow the calendar (issue 11), end to end: `balans apply --today 2024-11-15`, then
# LibreOffice recalculates the result with the system date at 2024-11-15 and at 2025-03-01
# (faketime), and every label in the "Balans status" columns of the sheets Balanslista and Avtal
# must equal what `balans report --today DATE --json` says for that row. The judge is the
# independent checker check-live-status.py (../shared/tools, Python standard library only).
#
# Usage: scripts/check-live-status.sh [IN.xlsx]
#   IN defaults to the sample workbook (`balans sample`). Run from anywhere; works in the checkout.
#   CHECK_LIVE_STATUS=/path/to/check-live-status.py overrides where the checker is.
# Needs: node (the CLI), python3, soffice (Debian libreoffice-calc-nogui), faketime.
# Exit: 0 when every label matches on both days, 1 when one does not, 2 when something is missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
checker=${CHECK_LIVE_STATUS:-}
if [ -z "$checker" ]; then
  for candidate in "$root/../shared/tools/check-live-status.py" /work/shared/tools/check-live-status.py; do
    if [ -f "$candidate" ]; then checker=$candidate; break; fi
  done
fi
missing=()
[ -n "$checker" ] && [ -f "$checker" ] || missing+=("check-live-status.py (sätt CHECK_LIVE_STATUS=…)")
command -v python3 >/dev/null 2>&1 || missing+=("python3")
command -v soffice >/dev/null 2>&1 || missing+=("soffice (apt-get install -y libreoffice-calc-nogui)")
command -v faketime >/dev/null 2>&1 || missing+=("faketime (apt-get install -y faketime)")
if [ "${#missing[@]}" -gt 0 ]; then
  printf 'check-live-status: saknas: %s\n' "${missing[@]}" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
in=${1:-}
if [ -z "$in" ]; then
  in="$work/sample.xlsx"
  npm run --silent balans -- sample --out "$in" --force >/dev/null
fi
out="$work/applied.xlsx"
npm run --silent balans -- apply "$in" --out "$out" --today 2024-11-15 --force >/dev/null
echo "check-live-status: $in → apply --today 2024-11-15 → LibreOffice vid 2024-11-15 och 2025-03-01"
python3 "$checker" "$in" "$out"
