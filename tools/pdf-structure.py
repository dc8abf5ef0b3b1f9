#!/usr/bin/python3
"""Prints a tagged PDF's structure tree as a screen reader walks it, and checks PDF/UA-1 conditions, with pikepdf.

An independent reader of what the engine writes (the tests read the same files with PdfPig):
    apt-get install python3-pikepdf          # Debian's package, for Debian's python3
    tools/pdf-structure.py out/2025/rapport-2025.pdf [--lines 60]

Each line: an element's type, indented by depth, then its text (the text of the marked content it owns, lines
joined by a space) or, for a figure, [Alt] and its alternative text. Then the checks; exit 1 when one fails.
"""
import re
import sys
import zlib

import pikepdf


def marked_texts(pdf, page):
    """MCID -> text drawn inside it, decoding the glyph ids through the fonts' ToUnicode maps."""
    maps = {}
    for name, font in (page.Resources.get("/Font") or {}).items():
        cmap = {}
        if "/ToUnicode" in font:
            data = font.ToUnicode.read_bytes().decode("latin1")
            for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
                for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    cmap[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
            for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
                for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    base = int(dst, 16)
                    for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                        cmap[code] = chr(base + i)
        maps[str(name)] = cmap
    texts, stack, font, last_y, first_td = {}, [], None, None, False
    for operands, op in pikepdf.parse_content_stream(page):
        op = str(op)
        if op == "BDC":
            props = operands[1]
            stack.append(int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None)
            last_y = None
        elif op == "BMC":
            stack.append(None)
        elif op == "EMC":
            stack.pop()
        elif op == "Tf":
            font = maps.get(str(operands[0]), {})
        elif op == "Tm":
            first_td = True
        elif op == "Td" and first_td and stack and stack[-1] is not None:
            # Skia starts each line with a Tm, then an absolute Td: a new baseline is a new line, read with a space.
            first_td, y = False, float(operands[1])
            current = texts.get(stack[-1], "")
            if last_y is not None and abs(y - last_y) > 1 and current and not current[-1].isspace():
                texts[stack[-1]] = current + " "
            last_y = y
        elif op == "Tj" and stack and stack[-1] is not None:
            raw = bytes(operands[0])
            glyphs = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
            texts[stack[-1]] = texts.get(stack[-1], "") + "".join(font.get(g, "") for g in glyphs)
    return texts


def main():
    path = sys.argv[1]
    limit = int(sys.argv[sys.argv.index("--lines") + 1]) if "--lines" in sys.argv else None
    pdf = pikepdf.open(path)
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    texts = [marked_texts(pdf, p) for p in pdf.pages]
    failures, lines, owned = [], [], set()

    def walk(element, depth, page):
        page = pages[element.Pg.objgen] if "/Pg" in element else page
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else ([kids] if kids is not None else [])
        own, children = [], []
        for kid in kids:
            if isinstance(kid, int):
                own.append((page, kid))
            elif isinstance(kid, pikepdf.Dictionary) and "/MCID" in kid:
                own.append((pages[kid.Pg.objgen], int(kid.MCID)))
            else:
                children.append(kid)
        owned.update(own)
        role = str(element.S)[1:]
        if role == "Figure" and not str(element.get("/Alt", "")).strip():
            failures.append("a Figure has no Alt (Matterhorn 13-004)")
        if role == "TH" and "/Scope" not in element.get("/A", {}):
            failures.append("a TH has no Scope (Matterhorn 15-003)")
        text = " ".join(texts[p].get(m, "") for p, m in own)
        if role == "Figure":
            lines.append("  " * depth + "Figure: [Alt] " + str(element.Alt))
        elif text:
            lines.append("  " * depth + role + ": " + text)
        for child in children:
            walk(child, depth + 1, page)

    root = pdf.Root
    for kid in root.StructTreeRoot.K:
        walk(kid, 0, None)
    for i, page in enumerate(pdf.pages):
        depth = 0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            depth += op in ("BDC", "BMC")
            depth -= op == "EMC"
            if depth == 0 and op not in ("BDC", "BMC", "EMC"):
                failures.append(f"page {i + 1}: {op} outside marked content (Matterhorn 01-005)")
                break
        for mcid in texts[i]:
            if (i, mcid) not in owned:
                failures.append(f"page {i + 1}: MCID {mcid} in no structure element (Matterhorn 01-005)")
    if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
        failures.append("MarkInfo /Marked is not true (Matterhorn 01-002)")
    if "/Lang" not in root:
        failures.append("no /Lang in the catalogue (Matterhorn 11-001)")
    if not (root.get("/ViewerPreferences") and bool(root.ViewerPreferences.get("/DisplayDocTitle"))):
        failures.append("DisplayDocTitle is not true (Matterhorn 07-001)")
    xmp = root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        failures.append("no pdfuaid:part 1 in the XMP (Matterhorn 06-002)")
    if "<dc:title>" not in xmp:
        failures.append("no dc:title in the XMP (Matterhorn 06-003)")
    if "/Outlines" not in root:
        failures.append("no outline")
    print("\n".join(lines[:limit] if limit else lines))
    print("\n".join(failures) if failures else "-- checks: all passed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
