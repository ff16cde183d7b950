"""Lineage on the real PDF corpus (data/raw/corpus/, three families; see /work/shared/corpus/README.md).

Family 1: the national 绿色低碳循环发展经济体系 意见 with ten provincial children and two cities
(Handan re-issues Hebei's; Dalian's citation of the national one is garbled by OCR). Families 2
and 3: siblings whose parent is absent; they must not be linked to each other.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from jianwu import Document, parse_document
from jianwu.lineage import analyse, find_links

from conftest import RAW

CORPUS = RAW / "corpus"
pytestmark = pytest.mark.skipif(not any(CORPUS.glob("*.pdf")), reason="the PDF corpus is not in data/raw/corpus yet")

NATIONAL = "national-lvse"
LINKS = {
    "dalian-lvse": (NATIONAL, "parent", "title"),  # its 文号 citation lost the 4: （国发(2021)号）; its title names the plan
    "guangdong-lvse": (NATIONAL, "parent", "doc_number"),
    "guangxi-lvse": (NATIONAL, "parent", "doc_number"),
    "hainan-lvse": (NATIONAL, "parent", "doc_number"),
    "handan-lvse": ("hebei-lvse", "parent", "doc_number"),
    "hebei-lvse": (NATIONAL, "parent", "doc_number"),
    "henan-lvse": (NATIONAL, "parent", "doc_number"),
    "hubei-lvse": (NATIONAL, "parent", "doc_number"),
    "jiangsu-lvse": (NATIONAL, "parent", "doc_number"),
    "jilin-lvse": (NATIONAL, "parent", "doc_number"),
    "ningxia-lvse": (NATIONAL, "parent", "doc_number"),
}
SIBLINGS = {
    "chongqing-chengxiang": "《中共中央办公厅国务院办公厅关于推动城乡建设绿色发展的意见》",
    "gansu-chengxiang": "《关于推动城乡建设绿色发展的意见》",
    "ningxia-chengxiang": "《关于推动城乡建设绿色发展的意见》（中办发〔2021〕37号）",
    "yunnan-chengxiang": "《关于推动城乡建设绿色发展的意见》",
    "hunan-lvhua": "《国务院办公厅关于科学绿化的指导意见》（国办发〔2021〕19号）",
    "jiangsu-lvhua": "《国务院办公厅关于科学绿化的指导意见》（国办发〔2021〕19号）",
    "sichuan-lvhua": "《国务院办公厅关于科学绿化的指导意见》（国办发〔2021〕19号）",
    "yunnan-lvhua": "《国务院办公厅关于科学绿化的指导意见》（国办发〔2021〕19号）",
}
# Every 《》 citation and every 文号 (damaged forms too).
CITATION = regex.compile(r"《[^《》\n]*[》}~]|[（(]?\p{Han}{1,12}\s*[〔\[【(（]\s*\d{4}\s*[〕\]】)）J]?\s*\d{0,4}\s*号[）)]?")
NUMBER = regex.compile(r"[（(]?\p{Han}{1,12}\s*[〔\[【(（]\s*\d{4}\s*[〕\]】)）J]?\s*\d{0,4}\s*号[）)]?")


@pytest.fixture(scope="module")
def corpus(corpus: dict[str, Document]) -> dict[str, Document]:
    """The plans of data/raw/corpus (conftest's session fixture: each PDF parsed once); the news
    report about a plan (kind "news", no clauses) is left out."""
    assert [k for k, d in corpus.items() if d.kind != "plan"] == ["hebei-chengxiang-news"]
    return {k: d for k, d in corpus.items() if d.kind == "plan"}


def link_table(docs: list[Document]) -> dict[str, tuple[str, str, str]]:
    return {lk.child_id: (lk.parent_id, lk.relation, lk.found_by) for lk in find_links(docs)}


def test_every_child_finds_its_parent_and_siblings_none(corpus: dict[str, Document]) -> None:
    assert link_table(list(corpus.values())) == LINKS


def test_plans_without_a_parent_name_what_they_cite(corpus: dict[str, Document]) -> None:
    outcomes = {o.child.id: o for o in analyse(list(corpus.values()))}
    assert {i: o.cites for i, o in outcomes.items() if o.parent is None and not o.top} == SIBLINGS
    assert [i for i, o in outcomes.items() if o.top] == [NATIONAL]


def test_seeds_and_corpus_together_link_as_apart(corpus: dict[str, Document], seeds: dict[str, Document]) -> None:
    together = link_table(list(corpus.values()) + list(seeds.values()))
    assert together == {**LINKS, "shapingba-jianwu-2023": ("chongqing-jianwu-2023", "parent", "title"),
                        "gaoxin-jianwu-2023": ("chongqing-jianwu-2023", "parent", "title")}


def _relinked(corpus: dict[str, Document], child: str, text: str) -> tuple[str | None, str, str | None]:
    copy = parse_document(text, doc_id=f"{child}-copy")
    outcome = analyse([d for k, d in corpus.items() if k != child] + [copy], [copy])[0]
    return (outcome.parent.id if outcome.parent else None, outcome.relation, outcome.found_by)


@pytest.mark.parametrize("child", sorted(LINKS))
def test_a_copy_with_its_citations_removed_still_finds_its_parent(corpus: dict[str, Document], child: str) -> None:
    parent, relation, found_by = _relinked(corpus, child, CITATION.sub("有关文件", corpus[child].text))
    # Dalian's own title names the national plan ("贯彻落实〈…〉实施方案"); the others are found by content.
    assert (parent, relation, found_by) == (LINKS[child][0], "parent", "title" if child == "dalian-lvse" else "content")


@pytest.mark.parametrize("child", sorted(LINKS))
def test_a_copy_with_garbled_citations_still_finds_its_parent(corpus: dict[str, Document], child: str) -> None:
    # 文号 brackets damaged as OCR does (国发 (2021) 4 号), one character of each cited title lost.
    text = regex.sub(r"《([^《》\n]{9,})》", lambda m: "《" + m.group(1)[:8] + m.group(1)[9:] + "》", corpus[child].text)
    text = regex.sub(r"〔(\d{4})〕(\d+)号", r" (\1) \2 号", text)
    parent, relation, _ = _relinked(corpus, child, text)
    if child == "dalian-lvse":
        # OCR repair closes Dalian's own title (《…实施方案~ → 》), so the garbling above also
        # damages the title that names its parent: still the national plan, possibly as ancestor.
        assert parent == LINKS[child][0] and relation in ("parent", "ancestor")
        return
    assert (parent, relation) == (LINKS[child][0], "parent")


def test_a_garbled_title_alone_is_matched_fuzzily(corpus: dict[str, Document]) -> None:
    text = NUMBER.sub("", corpus["guangdong-lvse"].text).replace("《国务院关于加快建立健全绿色低碳循环", "《国务院关于加快建立健绿色低碳循环")
    assert _relinked(corpus, "guangdong-lvse", text) == (NATIONAL, "parent", "title")


def test_the_nearest_present_ancestor_stands_in_for_an_absent_parent(corpus: dict[str, Document]) -> None:
    # Without Hebei, Handan's family goes on to the national plan: an ancestor, by title family and text.
    docs = [d for k, d in corpus.items() if k != "hebei-lvse"]
    outcome = analyse(docs, [corpus["handan-lvse"]])[0]
    assert (outcome.parent.id if outcome.parent else None, outcome.relation, outcome.found_by) == (NATIONAL, "ancestor", "content")
    assert outcome.cites == "《河北省人民政府关于建立健全绿色低碳循环发展经济体系的实施意见》（冀政字〔2021〕22号）"


def test_siblings_without_their_parent_are_never_linked(corpus: dict[str, Document]) -> None:
    family = [d for k, d in corpus.items() if k.endswith(("-chengxiang", "-lvhua"))]
    stripped = [parse_document(CITATION.sub("有关文件", d.text), doc_id=f"{d.id}-bare") for d in family]
    assert find_links(family + stripped) == []
