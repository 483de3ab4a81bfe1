"""Bytes to text: BOM, UTF-8, a declared charset, then a well-kept detector.

Chinese reports come as UTF-8, GB2312/GBK/GB18030 or Big5. Text that cannot be
decoded with confidence raises [`DecodeError`][govinfo.DecodeError] rather than
becoming mojibake.
"""

from __future__ import annotations

import codecs
import re

from govinfo._diagnostics import CHARSET_OVERRIDDEN
from govinfo._errors import DecodeError
from govinfo.inputs.document import Note

# Supersets: a page declaring gb2312 is usually GBK; GB18030 covers both.
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
_CANDIDATES = ("gb18030", "big5hkscs")
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w-]{2,30})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([\w-]{2,30})""", re.IGNORECASE
)
_COMMON = frozenset("的政府信息公开年度报告工作情况申请行政办理本机关处理数量")
_COMMON_TRADITIONAL = frozenset("的政府信息公開年度報告工作情況申請行政辦理本機關處理數量")
_MAX_CHAOS = 0.25


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML document declares in its head, if any."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m[1].decode("ascii").lower() if m else None


def _codec(name: str) -> str | None:
    name = _ALIASES.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _plausibility(text: str) -> float:
    """Share of characters that are among the commonest of these reports."""
    if not text:
        return 0.0
    hits = sum(ch in _COMMON or ch in _COMMON_TRADITIONAL for ch in text)
    return hits / len(text)


def decode(
    data: bytes,
    *,
    declared: str | None = None,
    name: str = "<bytes>",
    notes: list[Note] | None = None,
) -> tuple[str, str]:
    """Decode report bytes; returns the text and the encoding used.

    A declared charset is used when it decodes the bytes into text that
    could be a report. When it does not (it fails, or a GBK page declaring
    iso-8859-1 gives Latin letters where the detected encoding gives Chinese),
    the detected encoding is used, and a note naming both is added to ``notes``.

    Raises:
        DecodeError: no encoding fits with confidence.
    """
    boms = (
        (codecs.BOM_UTF8, "utf-8-sig"),
        # UTF-32 first: its little-endian BOM begins with UTF-16's.
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    )
    for bom, encoding in boms:
        if data.startswith(bom):
            try:
                return data.decode(encoding, errors="strict"), encoding
            except UnicodeDecodeError:
                raise DecodeError(f"{name}: not valid {encoding} after its BOM") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    codec = _codec(declared) if declared else None
    if codec is None:
        return _detect(data, name)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        text = None  # a wrong declaration is common: detect
    if text is not None and (codec in _CANDIDATES or _plausibility(text) > 0):
        return text, codec
    try:
        detected, encoding = _detect(data, name)
    except DecodeError:
        if text is None:
            raise
        return text, codec  # nothing reads better than the declaration
    if text is not None and _plausibility(detected) <= _plausibility(text):
        return text, codec
    if notes is not None:
        how = "does not decode its bytes" if text is None else "gives no Chinese text"
        message = f"the page declares charset {declared!r}, which {how}: read as {encoding}"
        notes.append(Note(CHARSET_OVERRIDDEN, message))
    return detected, encoding


def _detect(data: bytes, name: str) -> tuple[str, str]:
    import charset_normalizer  # noqa: PLC0415 - only for bytes that are not UTF-8

    best = charset_normalizer.from_bytes(data, cp_isolation=list(_CANDIDATES)).best()
    if best is not None and best.chaos <= _MAX_CHAOS:
        codec = _codec(best.encoding) or best.encoding
        return str(best), codec
    # Short texts give the detector too little; fall back to which decoding reads
    # like a report (its commonest characters), and only when one clearly does.
    scored = []
    for encoding in _CANDIDATES:
        text = data.decode(encoding, errors="replace")
        # A cut multi-byte character at the end is tolerated, damage elsewhere is not.
        if text.count("\ufffd") > 1:
            continue
        scored.append((_plausibility(text), encoding, text))
    scored.sort(reverse=True)
    if scored and scored[0][0] >= 0.05 and (len(scored) == 1 or scored[0][0] > 2 * scored[1][0]):
        return scored[0][2], scored[0][1]
    raise DecodeError(f"{name}: cannot tell the text encoding (not UTF-8, GB18030 or Big5)")
