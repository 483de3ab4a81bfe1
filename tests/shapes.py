"""Turn canonical report text into the shapes scrapers produce (test helpers)."""

from __future__ import annotations


def cell_per_line(text: str, width: int = 10) -> str:
    """One cell per line ending in ``|``; each row padded to ``width`` cells by a run of ``|``.

    This is the layout of seed 004: the scraper wrote every table cell on its own
    line and padded short rows (labels spanning several columns) at the end.
    """
    out = []
    for line in text.splitlines():
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.split("|")[:-1]]
        out.extend(f"{c} |" if c else "|" for c in cells)
        if len(cells) < width:
            out.append("|" * (width - len(cells)))
    return "\n".join(out) + "\n"


def full_width(text: str) -> str:
    """Digits, letters and ASCII punctuation written full-width, as many pages do."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c != "|" else c for c in text)
