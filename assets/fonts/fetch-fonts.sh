#!/usr/bin/env bash
# Fetches the fonts PPG Desk prints with and checks their hashes:
#   Atkinson Hyperlegible (Braille Institute) from the PyPI wheel fontpkg-atkinson-hyperlegible 1.6;
#   Noto Sans (static Regular and Bold) from Debian's fonts-noto-core, for Latin letters Atkinson lacks;
#   from the same package, the Noto faces of the scripts patients read (regular and bold): Sans
#   Bengali, Devanagari, Gurmukhi, Gujarati, Tamil, Hebrew, Thai and Ethiopic, and Naskh Arabic
#   (Arabic and Urdu);
#   Droid Sans Fallback (Apache 2.0) from Debian's fonts-droid-fallback, for Chinese and Japanese;
#   Nanum Square (OFL, regular and bold) from Debian's fonts-nanum, for Korean.
# Only Atkinson is built into the programs; the others are read from files when a document needs
# them (print/fonts.rs), and the Windows installer puts them in a fonts folder beside the programs.
# The fonts are not committed; their licences and SHA256SUMS are. (All but Atkinson: OFL 1.1.)
set -euo pipefail
cd "$(dirname "$0")"
if sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1; then exit 0; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$work" fontpkg-atkinson-hyperlegible==1.6
python3 - "$work" <<'PY'
import glob, sys, zipfile
wheel = glob.glob(sys.argv[1] + "/fontpkg_atkinson_hyperlegible-1.6-*.whl")[0]
with zipfile.ZipFile(wheel) as z:
    for style in ("Regular", "Bold"):
        name = f"fontpkg_atkinson_hyperlegible/files/AtkinsonHyperlegible-{style}.ttf"
        open(f"AtkinsonHyperlegible-{style}.ttf", "wb").write(z.read(name))
PY
for family in NotoSans NotoSansBengali NotoSansDevanagari NotoSansGurmukhi NotoSansGujarati NotoSansTamil \
  NotoNaskhArabic NotoSansHebrew NotoSansThai NotoSansEthiopic; do
  for style in Regular Bold; do
    cp "/usr/share/fonts/truetype/noto/$family-$style.ttf" "$family-$style.ttf"
  done
done
cp /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf .
cp /usr/share/fonts/truetype/nanum/NanumSquareR.ttf /usr/share/fonts/truetype/nanum/NanumSquareB.ttf .
sha256sum -c SHA256SUMS || { echo "A font did not match its expected hash; it has been removed." >&2; rm -f ./*.ttf; exit 1; }
