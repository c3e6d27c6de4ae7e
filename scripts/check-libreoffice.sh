#!/usr/bin/env bash
# Opens .xlsx files in LibreOffice and checks that every sheet converts to a non-empty CSV.
# soffice exits 0 even when it cannot load a file, so the CSVs themselves are checked.
# Usage: scripts/check-libreoffice.sh OUT.xlsx [MORE.xlsx …]   (needs soffice: libreoffice-calc-nogui)
set -u
if ! command -v soffice >/dev/null 2>&1; then
  echo "check-libreoffice: soffice saknas (apt-get install -y libreoffice-calc-nogui)" >&2
  exit 2
fi
failed=0
for file in "$@"; do
  work=$(mktemp -d)
  # All sheets, UTF-8, one CSV per sheet (NAME-Sheet.csv); a private profile avoids lock clashes.
  soffice -env:UserInstallation="file://$work/profile" --headless \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$work/csv" "$file" >/dev/null 2>&1
  sheets=$(python3 - "$file" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
wb = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/workbook.xml'))
print(len(list(wb.iter(M + 'sheet'))))
PY
)
  count=0
  empty=0
  for csv in "$work"/csv/*.csv; do
    [ -e "$csv" ] || continue
    count=$((count + 1))
    if [ ! -s "$csv" ]; then
      echo "$file: tom CSV: $(basename "$csv")"
      empty=$((empty + 1))
    fi
  done
  if [ "$count" -eq 0 ] || [ "$count" -lt "$sheets" ] || [ "$empty" -gt 0 ]; then
    echo "$file: FEL ($count CSV av $sheets blad, $empty tomma)"
    failed=$((failed + 1))
  else
    echo "$file: ok ($count blad)"
  fi
  rm -rf "$work"
done
echo "check-libreoffice: $failed filer med fel"
[ "$failed" -eq 0 ]
