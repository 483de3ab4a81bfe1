"""Section compliance of 2019/2021-format reports."""

from __future__ import annotations

import json
import pickle

import govinfo
from govinfo.models import REGISTRY
from govinfo.reading.sections import find_sections
from helpers import run_cli, seed_text


class TestSections:
    """Section compliance of 2019/2021-format reports."""

    def test_seed_004_is_complete(self) -> None:
        """All six sections, in order, with the line of each heading."""
        sections = govinfo.parse(seed_text("004")).sections
        assert sections is not None
        assert sections.complete
        assert sections.sections[0].line == 2  # "一、总体情况"
        assert sections.summary() == "sections 6/6 present, in order"

    def test_missing_and_out_of_order(self) -> None:
        """Missing sections are named; swapped headings are out of order."""
        text = (
            "三、收到和处理政府信息公开申请情况\n一、总体情况\n"
            "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        sections = govinfo.parse(text).sections
        assert sections is not None
        assert not sections.in_order
        assert sections.missing == (
            "二、主动公开政府信息情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        )

    def test_v2015_has_no_section_check(self) -> None:
        """The six-section structure is that of 60号/30号: v2015 reports give None."""
        assert govinfo.parse(seed_text("003")).sections is None

    def test_found_in_normalized_text_and_after_pickling(self) -> None:
        """Sections are found when first read, in the normalized text, also after a pickle."""
        text = (
            "一、總體情況\n六、其他需要報告的事項\n"
            "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        )
        result = govinfo.parse(text)
        again = pickle.loads(pickle.dumps(result))  # noqa: S301 - our own object
        for sections in (result.sections, again.sections):
            assert sections is not None
            assert [s.line for s in sections.sections] == [1, None, None, None, None, 2]

    def test_validate_prints_sections(self) -> None:
        """`govinfo validate` reports section compliance beside the rules."""
        proc = run_cli("validate", "--example", "--format", "json")
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)[0]["sections"] == {"missing": [], "in_order": True}


def test_required_sections_are_the_templates_declaration() -> None:
    """find_sections reads the sections a template declares; v2015 declares none."""
    assert REGISTRY["v2015"].sections == ()
    required = REGISTRY["v2021"].sections
    assert REGISTRY["v2019"].sections == required
    sections = find_sections("\n一、总体情况\n二、主动公开情况\n", required)
    assert [s.line for s in sections.sections][:3] == [2, 3, None]
