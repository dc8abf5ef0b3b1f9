#!/usr/bin/env bash
# Regenerates the font subsets shipped in src/Reporting.Core/Publication/Pdf/Fonts/.
#
# Why: the PDF publications must never depend on fonts installed on the machine
# (CI machines may have none), so the engine embeds Noto Sans (SIL OFL 1.1, no
# Reserved Font Name, so a subset may keep its name) cut down to what French text
# needs, which keeps the repository and every PDF small.
#
# Needs Debian's packages: apt-get install -y fonts-noto-core python3-fonttools
# Run from anywhere: tools/subset-fonts.sh
#
# Size matters twice: SkiaSharp's PDF backend embeds the whole font file it is
# given (it does not subset again per document), so every PDF carries these
# files whole, about 12 KB each once compressed.
#
# Kept: Basic Latin, Latin-1 Supplement, from Latin Extended-A only Œ œ Ÿ (the rest
# of that block would add a third to each file for names French text never shows), the general
# punctuation that French typography uses (U+00A0 no-break space, U+202F narrow
# no-break space, U+2009 thin space, – — ‘ ’ “ ” „ « » … • ‰ ‹ ›), € (U+2212 is asked for but
# Noto Sans has no minus-sign glyph: the engine writes negative numbers with the hyphen-minus), × and the superscripts ᵉ ʳ (1ʳᵉ, 2ᵉ). Noto Sans has no ≤ ≥: write
# "15 ans ou plus". Hinting is dropped (PDF viewers do not use it); only the kern
# feature is kept (no ligatures, so that extracted text is exactly the source text).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="$here/src/Reporting.Core/Publication/Pdf/Fonts"
src=/usr/share/fonts/truetype/noto
unicodes="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0178,U+02B3,U+02BC,U+1D49,U+2009,U+2010-2027,U+202F,U+2030,U+2039-203A,U+20AC,U+2116,U+2212"

for style in Regular Bold Italic; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSans-$style.ttf" \
    --unicodes="$unicodes" \
    --layout-features=kern \
    --no-hinting \
    --drop-tables+=DSIG \
    --name-IDs=0,1,2,3,4,5,6,7,8,13,14 \
    --output-file="$out/NotoSans-$style.ttf"
done
ls -l "$out"/*.ttf
