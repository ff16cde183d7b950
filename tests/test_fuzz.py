"""The fuzzer's short run (issue 17): mutated real plans through every stage, in-process.

hypothesis drives ``jianwu.fuzz`` (``choose_source`` then ``mutate``) with a seeded
``random.Random`` (``st.randoms``), derandomised: the same cases on every run, shrunk to a
small reproducer when one fails.  The long run is ``python -m jianwu.fuzz`` (see the README).
Every reproducer the fuzzer found is kept in ``tests/fuzz_reproducers/`` and replayed here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianwu.fuzz import LINE_MUTATIONS, Seeds, choose_source, load_seeds, make_case, mutate, run_pipeline
from jianwu.fuzz.run import Tally, _report, run_case

from conftest import RAW

REPRODUCERS = Path(__file__).resolve().parent / "fuzz_reproducers"


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    return load_seeds(RAW)


@settings(max_examples=25, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(rnd=st.randoms(use_true_random=False), pick=st.integers(min_value=0, max_value=4))
def test_mutated_plans_never_crash(seeds: Seeds, rnd: random.Random, pick: int) -> None:
    name = sorted(seeds.texts)[pick]
    source = choose_source(name, seeds.texts, rnd)
    case = mutate(name, source.text, rnd, source.shape)
    parent = seeds.parent_for(name, source.position, source.chars) if source.shape == "window" else seeds.parents[name]
    outcome = run_pipeline(case.raw, parent)  # anything but a JianwuError fails the test
    assert outcome == "ok" or outcome.startswith("refused: fuzz.txt: ")


def test_mutations_change_the_document(seeds: Seeds) -> None:
    name = "ziyang-jianwu-2023.txt"
    changed = 0
    for number in range(40):
        rnd = random.Random(number)
        changed += mutate(name, seeds.texts[name], rnd).raw != seeds.texts[name].encode("utf-8")
    assert changed >= 36  # (a deletion of an empty line or a swap of equal lines changes nothing)
    assert len(LINE_MUTATIONS) >= 10


def test_case_shapes_are_mostly_windows(seeds: Seeds) -> None:
    shapes = [choose_source("ziyang-jianwu-2023.txt", seeds.texts, random.Random(f"1:{n}")) for n in range(2000)]
    counts = {s: sum(x.shape == s for x in shapes) for s in ("window", "whole", "large")}
    assert 1840 <= counts["window"] <= 1960 and 50 <= counts["whole"] <= 110 and 8 <= counts["large"] <= 40
    large = [x for x in shapes if x.shape == "large"]
    assert all(40 * 1024 <= len(x.text.encode("utf-8")) <= 260 * 1024 for x in large)
    windows = [x for x in shapes if x.shape == "window"]
    assert all(x.text in seeds.texts["ziyang-jianwu-2023.txt"] for x in windows[:50])
    assert sorted(len(x.text) for x in windows)[len(windows) // 2] < 800  # half are small


def test_a_case_is_the_same_from_its_number(seeds: Seeds) -> None:
    one, parent_one = make_case(seeds, 3, 17)
    two, parent_two = make_case(seeds, 3, 17)
    assert one.raw == two.raw and one.steps == two.steps and parent_one is parent_two
    assert make_case(seeds, 3, 18)[0].raw != one.raw


def test_a_window_is_diffed_against_the_parent_at_the_same_place(seeds: Seeds) -> None:
    name = "shapingba-jianwu-2023.txt"
    early = seeds.parent_for(name, 0.1, 500)
    late = seeds.parent_for(name, 0.9, 500)
    whole = seeds.parents[name]
    assert early is not None and late is not None and whole is not None
    assert early is seeds.parent_for(name, 0.1, 500)  # parsed once, cached
    assert early.normalized.text in whole.normalized.text or len(early.normalized.text) < len(whole.normalized.text)
    assert early.normalized.text != late.normalized.text
    assert any(c.number for c in early.clauses)


def test_the_report_counts_what_ran(seeds: Seeds) -> None:
    tally = Tally()
    for number in range(6):
        tally.add(run_case(seeds, 2, number), keep=3)
    report = _report(tally, 2, 1, 1.0, [], [], 3, "")
    assert "- cases: 6 (cases 0–5 of seed 2" in report
    assert "crashes (any other exception: `internal error`, a wrong exit status): 0 (0 distinct)" in report
    assert report.count("| window |") + report.count("| whole |") + report.count("| large |") >= 1


@pytest.mark.parametrize("path", sorted(REPRODUCERS.glob("*.bin")), ids=lambda p: p.name)
def test_reproducers_stay_fixed(seeds: Seeds, path: Path) -> None:
    parent = seeds.parents["chongqing-jianwu-2023.txt"]
    outcome = run_pipeline(path.read_bytes(), parent)
    assert outcome == "ok" or outcome.startswith("refused: ")


def test_document_text_is_never_read_as_terminal_markup(seeds: Seeds) -> None:
    """Found by the long run (seed 1, case 5768): ``（一）加[/]2%`` made rich raise MarkupError in
    the terminal diff, because the target's indicator went into a table cell as markup."""
    from jianwu.cli.diff_cmd import _render_text
    from jianwu.diff import diff_documents
    from jianwu.document import parse_bytes
    from jianwu.render.diff_terminal import render_diff

    raw = (REPRODUCERS / "rich-markup-in-target.bin").read_bytes()
    assert raw.decode("utf-8") == "（一）加[/]2%"
    parent = seeds.parents["shapingba-jianwu-2023.txt"]
    assert parent is not None
    assert run_pipeline(raw, parent) == "ok"
    child = parse_bytes(raw, name="[red]x.txt", path="", doc_id="[red]x")
    text = _render_text(render_diff(diff_documents(child, parent), side_by_side=True, marks=True))
    assert "child               [red]x ([red]x)" in text  # the id as written, not a colour
