#!/usr/bin/env bash
# The French of the publication, checked by Grammalecte (Debian package grammalecte-cli): every sentence of the report
# and of the 101 sheets (their captions — Source, Champ, Lecture, Note — included), and the text cells of the workbook
# (its rows are written « a | b | c » in the snapshot, so no separator reads as punctuation), in three data states — the samples; the samples without the hospitals' extract of the last
# year (a source missing); the samples published with a secret threshold of 30 (many hidden cells). Exit 1 when
# Grammalecte reports a grammar or typography error, or a spelling error on a word outside tools/french-allow.txt
# (codes of the nomenclatures and proper names only).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
exe="$here/src/Reporting.Cli/bin/Release/net10.0/reporting"
dotnet build "$here/src/Reporting.Cli/Reporting.Cli.csproj" -c Release --nologo -v quiet >/dev/null
command -v grammalecte-cli >/dev/null || { echo "check-french.sh: grammalecte-cli is missing (apt-get install grammalecte-cli)" >&2; exit 2; }

cp -r "$here/data-samples" "$work/missing"
rm "$work/missing/sante_2025.csv"
"$exe" run --data "$here/data-samples" --year 2025 --out "$work/samples" >/dev/null
"$exe" run --data "$work/missing" --year 2025 --out "$work/missing-out" >/dev/null
"$exe" run --data "$here/data-samples" --year 2025 --out "$work/hidden" --threshold 30 --protection-range 5 >/dev/null

status=0
for state in samples missing-out hidden; do
  python3 - "$work/$state/2025/snapshot-2025.md" "$work/$state.txt" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
documents = text[:text.index("\n## Indicateurs")]
sentences, workbook = [], False
captions = ("Source", "Sources", "Champ", "Lecture", "Note")
for line in documents.split("\n")[3:]:          # after the snapshot's own header
    if line.startswith("## Classeur"): workbook = True; continue
    if line.startswith(("## Fiche", "## Rapport")): workbook = False; continue
    if workbook:
        # The workbook's text cells (rows are « a | b | c »): those that are words, not codes, numbers or addresses.
        if line.startswith(("#", "table ", "frozen rows")): continue
        for cell in line.split(" | "):
            cell = cell.split(" <lien ")[0].strip().strip('"')
            # Not codes or sheet names (« T1_France »), nor the official NATINF wording, which is in capitals.
            letters = [c for c in cell if c.isalpha()]
            if " " in cell and "_" not in cell and sum(c.islower() for c in letters) > len(letters) / 2:
                sentences.append(cell)
        continue
    label = line.split("\u00a0:", 1)[0]
    if line.startswith("  ") and line.strip().split("\u00a0:", 1)[0] in captions:
        sentences.append(line.strip())      # under a figure or table: its source, Champ, Lecture, notes
        continue
    if not line or line.startswith(("#", "  ")) or label in ("titre", "sous-titre", "édition", "chiffre clé", "tableau", "graphique", "carte", "encadré"):
        continue
    sentences.append(line[2:] if line.startswith("–\u00a0") else line)
# Addresses are not French: each is read as one word Grammalecte knows.
import re
sentences = [re.sub(r"https?://\S+?(?=[.;,]?(\s|$))|[\w.-]+@[\w.-]+\w", "adresse", s) for s in sentences]
unique = list(dict.fromkeys(sentences))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(unique) + "\n")
PY
  grammalecte-cli -f "$work/$state.txt" -j > "$work/$state.json"
  python3 - "$work/$state.txt" "$work/$state.json" "$here/tools/french-allow.txt" "$state" <<'PY' || status=1
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
allowed = {w.strip() for w in open(sys.argv[3], encoding="utf-8") if w.strip() and not w.startswith("#")}
found = []
for p in json.load(open(sys.argv[2], encoding="utf-8"))["data"]:
    text = lines[p["iParagraph"] - 1]
    for e in p.get("lGrammarErrors", []):
        found.append(f'{e["sRuleId"]}: {e["sMessage"]} « {text[max(0, e["nStart"] - 40):e["nEnd"] + 20]} »')
    for e in p.get("lSpellingErrors", []):
        if e["sValue"] not in allowed:
            found.append(f'orthographe: {e["sValue"]} « {text[max(0, e["nStart"] - 40):e["nEnd"] + 20]} »')
print(f"{sys.argv[4]}: {len(lines) - 1} phrases, {len(found)} remarque(s)")
for f in found[:40]:
    print("  " + f)
sys.exit(1 if found else 0)
PY
done
exit "$status"
