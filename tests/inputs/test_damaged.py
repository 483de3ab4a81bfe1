"""Word and PDF files alike: damaged bytes and missing extras raise govinfo's own errors."""

from __future__ import annotations

import sys
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.inputs.document import Document
from govinfo.inputs.docx import from_docx
from govinfo.inputs.pdf import from_pdf
from shapes import example_docx, example_pdf


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_damaged_files(data: st.DataObject) -> None:
    """A real .docx or .pdf with damaged bytes gives a Document or InputError, nothing else."""
    read, good = data.draw(
        st.sampled_from([(from_docx, example_docx()), (from_pdf, example_pdf())])
    )
    damaged = bytearray(good)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(damaged) - 1))
        damaged[at : at + data.draw(st.integers(0, 8))] = data.draw(st.binary(max_size=4))
    try:
        doc = read(bytes(damaged))
    except govinfo.InputError:
        return
    assert isinstance(doc, Document)


def test_pdf_title_with_a_lone_surrogate_reads_without_it() -> None:
    """A Title whose UTF-16 holds a lone surrogate (found by the property above): no title.

    pypdfium2 refuses to decode it; the pages read as ever.
    """
    good = example_pdf()
    at = good.index(b"/Title (") + len(b"/Title (")
    damaged = good[:at] + b"\\376\\377\\330\\000" + good[at:]  # BOM, then U+D800 alone
    doc = from_pdf(damaged)
    assert doc.title is None
    assert doc == attrs.evolve(from_pdf(good), title=None)


@pytest.mark.parametrize(("read", "module", "extra"), [(from_pdf, "pypdfium2", "pdf")])
def test_missing_extra(
    read: Callable[[bytes], Document], module: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the optional library the reader names the extra to install."""
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(govinfo.MissingExtraError, match=rf"govinfo-cn\[{extra}\]"):
        read(b"")
