#!/usr/bin/env bash
# How long and how much memory printing a huge community directory takes, as a whole process
# (release build): the sample PPG plus ENTRIES generated entries (default 100,000, about
# 15,000 pages). A measurement, not a test: `make bench` prints it; README quotes it.
set -euo pipefail
ENTRIES=${ENTRIES:-100000}
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/release/ppg-desk}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BIN" --data-dir "$work/data" demo >/dev/null
python3 - "$work/data/ppg-desk.sqlite3" "$ENTRIES" <<'PY'
import sqlite3, sys
db, count = sys.argv[1], int(sys.argv[2])
words = "walking group garden choir lunch club carers coffee morning tai chi bowls knit chat dementia cafe".split()
conn = sqlite3.connect(db)
rows = []
for i in range(count):
    name = f"{words[i % len(words)].title()} {words[(i * 7) % len(words)]} {i}"
    offers = "A friendly group that meets every week for " + " ".join(words[(i + k) % len(words)] for k in range(12)) + "."
    rows.append((f"gen-{i}", name, offers, "Anyone over 60", f"{i} High Street, Riverside", "RV1 2AB", "Riverside", "mon wed",
                 "10:00", "12:00", "Free", "Jo Bloggs", "01642 000000", "2026-01-10", name.lower(), "2026-01-01T00:00:00"))
conn.executemany("""INSERT INTO directory_entries (oruk_id, name, offers, who_for, address, postcode, area, days, opens_at,
    closes_at, cost, contact_name, phone, last_checked_on, search_key, created_at, updated_at)
    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", [r + (r[-1],) for r in rows])
conn.execute("INSERT INTO directory_entry_categories SELECT id, 1 + (id % 13) FROM directory_entries WHERE oruk_id LIKE 'gen-%'")
conn.commit()
PY
/usr/bin/time -f "print directory, $ENTRIES generated entries: %e s wall, %M KB peak" \
    "$BIN" --data-dir "$work/data" print directory --out "$work/directory.pdf"
pdfinfo "$work/directory.pdf" | grep Pages
