#!/usr/bin/env bash
# The Windows build's command line, run for real under Wine (headless), on a data folder
# whose path has a space and an accent, against the Linux build on the same data: the same
# documents come out (pdftotext, qpdf), the same exit codes, the same messages.
# The window itself cannot run under Wine (no WebView2 there): it is built, not run.
#
# Needs: WIN_BIN (folder with ppg-desk.exe), LINUX_CLI (the Linux ppg-desk), INSTALLER
# (the NSIS installer), and wine, x86_64-w64-mingw32-gcc, pdftotext, qpdf, 7z.
set -euo pipefail

: "${WIN_BIN:?folder holding the Windows ppg-desk.exe}" "${LINUX_CLI:?the Linux ppg-desk}" "${INSTALLER:?the installer .exe}"
here=$(cd "$(dirname "$0")" && pwd)
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

export WINEDEBUG=-all
# No Mono or Gecko prompts: nothing here needs them.
export WINEDLLOVERRIDES="mscoree=;mshtml=;bcryptprimitives=n,b"
export WINEPREFIX=${WINEPREFIX:-${CARGO_TARGET_DIR:-$here/../../target}/wine-prefix}
# One fixed "today" for both builds, so both print the same dates.
export PPG_DESK_TODAY=2026-12-01
if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "Making the Wine prefix (first time only, about 30 s)…"
    wineboot --init >/dev/null 2>&1 || true
    wineserver --wait || true
fi

work=$(mktemp -d)
trap 'rm -rf "$work"; wineserver --kill >/dev/null 2>&1 || true' EXIT
# A copy of the program with the test-only ProcessPrng stand-in beside it (Wine 8.0 lacks it).
mkdir -p "$work/bin"
cp "$WIN_BIN/ppg-desk.exe" "$work/bin/"
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bin/bcryptprimitives.dll" "$here/process-prng.c" -ladvapi32

data_linux="$work/linux data"
data_unix="$work/win Zoë/data"
mkdir -p "$(dirname "$data_unix")"
data_win="Z:${data_unix//\//\\}"
winpath() { echo "Z:${1//\//\\}"; }

# Runs the Windows program; sets $out (stdout and stderr, CRLF turned into LF) and $code.
win() {
    set +e
    out=$(wine "$work/bin/ppg-desk.exe" "$@" 2>&1 | tr -d '\r')
    code=${PIPESTATUS[0]}
    set -e
}
lin() {
    set +e
    out=$("$LINUX_CLI" "$@" 2>&1)
    code=$?
    set -e
}
expect() { # expect CODE TEXT WHAT
    if [ "$code" = "$1" ] && grep -qF -- "$2" <<<"$out"; then pass "$3"; else fail "$3 (exit $code): $out"; fi
}

win --version
expect 0 "ppg-desk $(grep -m1 '^version' "$here/../../Cargo.toml" | cut -d'"' -f2)" "--version prints the version"
win --help
expect 0 "Print a document to a PDF file" "--help prints the commands"
win no-such-command
expect 2 "unrecognized subcommand" "an unknown command fails with exit code 2 and says why"

win
expect 1 "is not installed beside this program" "with no command and no window beside it, it says what to do"

win --data-dir "$data_win" demo
expect 0 "Loaded the sample PPG" "demo on a folder with a space and an accent"
[ -f "$data_unix/ppg-desk.sqlite3" ] && pass "the data file is where it was asked to be" || fail "no data file in $data_unix"
win --data-dir "$data_win" demo
expect 1 "only be loaded into an empty" "demo refuses a folder with data (exit 1)"
win --data-dir "$data_win" check
expect 0 "Integrity: ok" "check"

lin --data-dir "$data_linux" demo
expect 0 "Loaded the sample PPG" "the Linux build loads the same sample"

# The next meeting and the newest bulletin issue, as each build lists them (each store gives
# its records their own committee-wide ids, so the two samples' ids differ).
lin --data-dir "$data_linux" meetings
lin_meeting=$(awk '/Planned/ {print $1; exit}' <<<"$out")
lin --data-dir "$data_linux" bulletins
lin_issue=$(awk 'NR==2 {print $1}' <<<"$out")
win --data-dir "$data_win" meetings
win_meeting=$(awk '/Planned/ {print $1; exit}' <<<"$out" | tr -d '\r')
win --data-dir "$data_win" bulletins
win_issue=$(awk 'NR==2 {print $1}' <<<"$out" | tr -d '\r')

same_pdf() { # same_pdf NAME WIN_ID LINUX_ID ARGS... : the same text from both builds ({} is the id)
    local name=$1 win_id=$2 lin_id=$3; shift 3
    win --data-dir "$data_win" "${@//\{\}/$win_id}" --out "$(winpath "$work/win-$name.pdf")"
    expect 0 "" "print $name under Wine"
    lin --data-dir "$data_linux" "${@//\{\}/$lin_id}" --out "$work/linux-$name.pdf"
    qpdf --check "$work/win-$name.pdf" >/dev/null && pass "$name: qpdf --check" || fail "$name: qpdf --check"
    if diff <(pdftotext -layout "$work/win-$name.pdf" -) <(pdftotext -layout "$work/linux-$name.pdf" -) >/dev/null; then
        pass "$name: the same text as the Linux build's"
    else
        fail "$name: the text differs from the Linux build's"
    fi
    [ "$(pdfinfo "$work/win-$name.pdf" | grep Pages)" = "$(pdfinfo "$work/linux-$name.pdf" | grep Pages)" ] \
        && pass "$name: the same number of pages" || fail "$name: page counts differ"
}
same_pdf agenda "$win_meeting" "$lin_meeting" print agenda --meeting {}
pdftotext "$work/win-agenda.pdf" - | grep -q "Agenda" && pass "the agenda reads as an agenda" || fail "no 'Agenda' in the agenda"
same_pdf bulletin "$win_issue" "$lin_issue" print bulletin --issue {}
same_pdf bulletin-large "$win_issue" "$lin_issue" print bulletin --issue {} --large-print

# Email: the draft from the Windows build reads in Python's email package, Bcc for members.
win --data-dir "$data_win" email agenda --meeting "$win_meeting" --list members --out "$(winpath "$work/win agenda.eml")"
expect 0 "for all members" "email agenda --list members writes the draft"
python3 "$here/../email/parse_eml.py" "$work/win agenda.eml" >"$work/eml.json" \
    && python3 -c "import json,sys; m=json.load(open(sys.argv[1])); assert m['to'] == [] and len(m['bcc']) >= 10, m['bcc']; assert m['x_unsent'] == '1'; assert m['attachments'][0]['hex'].startswith('255044462d')" "$work/eml.json" \
    && pass "the Windows draft: members in Bcc, X-Unsent, the PDF attached" || fail "the Windows draft did not read back"
grep -q "Zo=C3=AB\|Wm/Dq\|Zo=?utf-8\|=?utf-8?" "$work/win agenda.eml" && pass "names in other languages are encoded" || fail "no encoded names in the draft"

# Handing over on Windows is Simple MAPI (MAPISendMailW). Wine's mapi32 passes it to Wine's
# own mail client, which opens a mailto: URL with the mail program named in its registry
# (here a script writing down what it was asked) and notes each attachment it was given (it
# cannot attach them itself). So this shows what the Windows build asked MAPI for.
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >> "%s"\n' "$work/asked.txt" >"$work/mail-program.sh"
chmod 755 "$work/mail-program.sh"
wine reg add 'HKCU\Software\Wine\WineBrowser' /v Mailers /d "$work/mail-program.sh" /f >/dev/null 2>&1
set +e
out=$(WINEDEBUG=fixme+winemapi wine "$work/bin/ppg-desk.exe" --data-dir "$data_win" email agenda --meeting "$win_meeting" \
    --list members --out "$(winpath "$work/mapi.eml")" --hand-over 2>&1 | tr -d '\r')
code=${PIPESTATUS[0]}
set -e
expect 0 "Handed to your mail program for 13 people" "email --hand-over goes through Simple MAPI"
for _ in $(seq 50); do [ "$(cat "$work/asked.txt" 2>/dev/null | wc -l)" -ge 2 ] && break; sleep 0.1; done
asked=$(cat "$work/asked.txt" 2>/dev/null || true)
[ "$(grep -c '^mailto:' <<<"$asked")" = 2 ] && pass "MAPI was asked for two messages: standard and large print" || fail "MAPI messages: $asked"
grep -q 'jan.kowalski@example.org' <<<"$asked" && pass "members reached MAPI" || fail "MAPI recipients: $asked"
grep -q 'bcc=[^&]*jan.kowalski@example.org' <<<"$asked" && ! grep -q '^mailto:[^?]*@' <<<"$asked" \
    && pass "members went to MAPI in Bcc, nobody in To" || fail "MAPI Bcc: $asked"
grep -q 'subject=[^&]*Agenda' <<<"$asked" && pass "the subject reached MAPI" || fail "MAPI subject: $asked"
attached=$(sed -n 's/.*MAPISendMail.*("\(ppg-agenda-standard-[0-9-]*-1\.pdf\)").*/\1/p' <<<"$out")
[ "$(grep -c 'Ignoring 1 attachments' <<<"$out")" = 2 ] && [ -n "$attached" ] \
    && pdftotext "$data_unix/exports/$attached" - | grep -q "Agenda" \
    && pass "each MAPI message carried its PDF, the agenda itself" || fail "MAPI attachments: $out"

win --data-dir "$data_win" export directory --format oruk --out "$(winpath "$work/directory.json")"
expect 0 "" "export directory --format oruk"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d['content']) >= 10, d.keys()" "$work/directory.json" \
    && pass "the ORUK export is JSON with the directory's services" || fail "the ORUK export did not read back"

win --data-dir "$data_win" export actions --format csv --out "$(winpath "$work/actions.csv")"
expect 0 "" "export actions as CSV"
head -c 3 "$work/actions.csv" | od -An -tx1 | grep -q "ef bb bf" && pass "the CSV starts with a BOM for Excel" || fail "no BOM"
head -n1 "$work/actions.csv" | grep -q $'\r$' && pass "the CSV's lines end in CRLF" || fail "no CRLF"

backup_unix="$work/win Zoë/backup copy.sqlite3"
win --data-dir "$data_win" backup --out "$(winpath "$backup_unix")"
expect 0 "Backed up 22 people" "backup --out"
restored_unix="$work/win Zoë/restored"
win --data-dir "$(winpath "$restored_unix")" restore "$(winpath "$backup_unix")"
expect 0 "" "restore into a new folder"
win --data-dir "$(winpath "$restored_unix")" people
expect 0 "Zoë Brontë-Smith" "the restored folder lists the sample's people, accents intact"

echo "garbage garbage garbage" >"$work/win Zoë/not a backup.sqlite3"
win --data-dir "$(winpath "$restored_unix")" restore "$(winpath "$work/win Zoë/not a backup.sqlite3")"
expect 1 "" "restoring a file that is not a backup fails with exit code 1"
win --data-dir "$(winpath "$restored_unix")" people
expect 0 "Zoë Brontë-Smith" "and nothing was lost"

# Encryption at rest: the Windows build protects a PPG (SQLCipher with its own OpenSSL), asks
# for the passphrase (a file for scripts), and the Linux build opens the same folder.
protected_unix="$work/win Zoë/protected"
cp -r "$data_unix" "$protected_unix"
rm -rf "$protected_unix/backups"
sqlite3 "$protected_unix/ppg-desk.sqlite3" "UPDATE settings SET is_sample = 0;"
printf 'purple kettle under moonlight\n' >"$work/pass.txt"
export PPG_DESK_PASSPHRASE_FILE
PPG_DESK_PASSPHRASE_FILE="$(winpath "$work/pass.txt")"
win --data-dir "$(winpath "$protected_unix")" security protect --recovery-sheet "$(winpath "$work/win Zoë/sheet.pdf")"
expect 0 "now protected" "security protect"
pdftotext "$work/win Zoë/sheet.pdf" - | grep -q "Keep this safe" && pass "the recovery sheet is a readable PDF" || fail "no recovery sheet"
win --data-dir "$(winpath "$protected_unix")" people
expect 0 "Zoë Brontë-Smith" "a protected folder opens with the passphrase file"
set +e; sqlite3 "$protected_unix/ppg-desk.sqlite3" "SELECT count(*) FROM sqlite_master" >/dev/null 2>&1; plain=$?; set -e
[ "$plain" != 0 ] && pass "sqlite3 cannot read the protected file" || fail "the protected file is readable by sqlite3"
grep -qaF "Brontë" "$protected_unix/ppg-desk.sqlite3" && fail "a name is readable in the protected file" || pass "no name in the protected file's bytes"
PPG_DESK_PASSPHRASE_FILE="$work/pass.txt" lin --data-dir "$protected_unix" people
expect 0 "Zoë Brontë-Smith" "the Linux build opens the folder the Windows build protected"
printf 'purple kettle under sunlight\n' >"$work/wrong.txt"
PPG_DESK_PASSPHRASE_FILE="$(winpath "$work/wrong.txt")"
win --data-dir "$(winpath "$protected_unix")" people
expect 1 "not the one for this PPG" "a wrong passphrase exits 1 with one plain sentence"
unset PPG_DESK_PASSPHRASE_FILE
win --data-dir "$(winpath "$protected_unix")" security status
expect 0 "Protected: yes" "security status without the passphrase"

# With no --data-dir, the data lives in %APPDATA%\PPG Desk\data (no data\data).
rm -rf "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/PPG Desk"
win demo
expect 0 "PPG Desk\\data" "demo with no --data-dir says where it put the data"
[ -f "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/PPG Desk/data/ppg-desk.sqlite3" ] \
    && pass "the usual data folder is %APPDATA%\\PPG Desk\\data" || fail "the data is not in %APPDATA%\\PPG Desk\\data: $out"
rm -rf "$WINEPREFIX/drive_c/users/$(id -un)/AppData/Roaming/PPG Desk"

# Sharing between a Windows laptop and a Linux one through one folder (a USB stick, say): the
# Windows build starts sharing, the Linux build joins with the code, and each hears the other.
shared_unix="$work/shared stick"
mkdir -p "$shared_unix"
win --data-dir "$data_win" share start --folder "$(winpath "$shared_unix")" --name "Windows laptop"
expect 0 "Invitation code:" "share start on Windows prints the invitation code"
sed -n 's/^Invitation code: //p' <<<"$out" >"$work/invite.txt"
PPG_DESK_INVITATION_FILE="$work/invite.txt" lin --data-dir "$work/linux joined" share join --folder "$shared_unix" --name "Linux laptop"
expect 0 "Joined the shared PPG." "the Linux build joins the PPG the Windows build shares"
lin --data-dir "$work/linux joined" people
expect 0 "Graham Whitfield" "the laptop that joined has the PPG's people"
win --data-dir "$data_win" share sync
expect 0 "Sent" "share sync on Windows"
win --data-dir "$data_win" share status
expect 0 "Linux laptop (" "the Windows laptop lists the Linux laptop that joined"
rm -f "$work/invite.txt"

# The installer holds the programs, the uninstaller and the licences.
listing=$(7z l "$INSTALLER")
for file in ppg-desk-window.exe ppg-desk.exe WebView2Loader.dll "Uninstall PPG Desk.exe" PPG-Desk-MIT.txt OFL-AtkinsonHyperlegible.txt LICENSE-NotoSans-debian-copyright.txt \
    NotoSansBengali-Regular.ttf NotoNaskhArabic-Bold.ttf DroidSansFallbackFull.ttf NanumSquareB.ttf LICENSE-Nanum-debian-copyright.txt; do
    grep -qF "$file" <<<"$listing" && pass "the installer holds $file" || fail "the installer lacks $file"
done

if [ "$failures" -gt 0 ]; then
    echo "$failures Windows check(s) failed." >&2
    exit 1
fi
echo "Every Windows check passed."
