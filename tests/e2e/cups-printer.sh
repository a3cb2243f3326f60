#!/usr/bin/env bash
# Starts CUPS if it is not running and adds a PDF printer (cups-pdf) for the print tests.
# cups-pdf writes each job it receives as a PDF in the printing user's ~/PDF folder.
set -euo pipefail
printer=PPG_Desk_Test_PDF
if ! lpstat -r >/dev/null 2>&1 || lpstat -r | grep -q "not running"; then
  /usr/sbin/cupsd
  for _ in $(seq 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
fi
if ! lpstat -e | grep -qx "$printer"; then
  lpadmin -p "$printer" -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
fi
lpstat -e | grep -qx "$printer"
