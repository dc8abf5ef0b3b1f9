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
# no-break space, U+2009 thin space, – — ‘ ’ “ ” „ « » … • ‰ ‹ ›), €, × and the superscripts ᵉ ʳ (1ʳᵉ, 2ᵉ),
# and the minus sign U+2212, which French typography asks of a negative number (« −3,1 % », not a hyphen).
# Noto Sans 2.x has no minus-sign glyph, so this script draws one in each face: the horizontal bar of the
# face's own plus sign (same stroke, same width, same advance), so that « −3 » and « +3 » line up and weigh
# the same; a glyph taken from another font (Noto Sans Math has one regular weight only) would not match the
# bold face. Noto Sans has no ≤ ≥: write
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
  /usr/bin/python3 - "$out/NotoSans-$style.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.ttGlyphPen import TTGlyphPen
path = sys.argv[1]
font = TTFont(path)
glyf, hmtx = font["glyf"], font["hmtx"]
if "minus" not in glyf:
    # The plus sign's horizontal bar: its leftmost points give the bar's bottom and top, its extremes the width.
    points = glyf["plus"].getCoordinates(glyf)[0]
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    ys = sorted({y for x, y in points if x == left})
    pen = TTGlyphPen(None)
    pen.moveTo((left, ys[0])); pen.lineTo((left, ys[-1])); pen.lineTo((right, ys[-1])); pen.lineTo((right, ys[0])); pen.closePath()
    font.setGlyphOrder(font.getGlyphOrder() + ["minus"])
    glyf["minus"] = pen.glyph()
    hmtx["minus"] = hmtx["plus"]
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x2212] = "minus"
    font.save(path)
PY
done
ls -l "$out"/*.ttf
