"""Text as PDF extractors give it (test helper): spaces between cells, vertical headers."""

from __future__ import annotations

from govinfo.formats.render import render_text

_VERTICAL_HEADER = ["商 科 社 法 其", "业 研 会 律 他", "企 机 公 服", "业 构 益 务"]
_TABLE4_HEADER = [
    "行政复议 行政诉讼",
    "结 结 其 尚 总 未经复议直接起诉 复议后起诉",
    "果 果 他 未 计 结 结 其 尚 总 结 结 其 尚 总",
    "维 纠 结 审 果 果 他 未 计 果 果 他 未 计",
    "持 正 果 结 维 纠 结 审 维 纠 结 审",
]


def pdf_text(report: object, *, wrap: int = 24, page_every: int = 12) -> str:
    """Lay the canonical text out as a PDF extractor would.

    Cells are separated by single spaces, blank cells print as "-", labels longer than
    ``wrap`` characters are wrapped onto the next line, table 三's header words
    are printed vertically, table 四's 15 numbers stand on one line, and a page
    footer and header interrupt the tables every ``page_every`` lines.
    """
    out: list[str] = []
    page = 1
    for line in render_text(report).splitlines():
        if "|" not in line:
            out.append(line)
            if line.startswith("三、收到和处理"):
                out += ["申请人情况", "自然人 法人或其他组织 总计", *_VERTICAL_HEADER]
            continue
        cells = [c.strip() for c in line.split("|")[:-1]]
        if cells and cells[0] == "行政复议":
            out += _TABLE4_HEADER
            continue
        if cells and cells[0] == "结果维持":
            continue
        n = next((i for i, c in enumerate(cells) if not c or _is_number(c)), len(cells))
        labels = cells[:n]
        values = [c or "-" for c in cells[n:]]  # a blank cell printed as a dash
        label = " ".join(labels)
        if len(label) > wrap:
            out.append(label[:wrap])
            label = label[wrap:]
        out.append(" ".join([label, *values]).strip())
        if len(out) % page_every == 0:
            out += [f"- {page} -", "某某县人民政府信息公开工作年度报告"]
            page += 1
    return "\n".join(out) + "\n"


def _is_number(text: str) -> bool:
    return text.lstrip("+-").replace(".", "", 1).rstrip("元万").isdigit()
