"""The diff's fast paths give exactly what the plain computations they replace give, on real plans.

Each speed-up of ``jianwu diff`` (bench/bench_speed.py measures them) is checked here against the
straightforward definition it stands for, over every clause of the seeds and of the national
绿色低碳 family: same values, same order, so the diff output cannot change.
"""

from __future__ import annotations

import difflib

from rapidfuzz import fuzz, process

from jianwu import Document
from jianwu.align import units
from jianwu.inline_diff import _folded_tokens, _sequence_matcher, clause_spans, department_keys, tokenize
from jianwu.sentences import MOVED_MIN, MOVED_MIN_LEN, SentenceIndex, is_note, split_sentences
from jianwu.similarity import NOT_TERM, terms


def _texts(docs: list[Document]) -> list[str]:
    return [u.title + u.body for d in docs for u in units(d)[0]]


def _plain_terms(text: str) -> set[str]:
    """2- and 3-grams sliced from each Han/Latin run: what ``terms`` computes."""
    grams: set[str] = set()
    for run in NOT_TERM.split(text):
        for n in (2, 3):
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


def test_terms_are_the_ngrams_of_each_run(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    texts = _texts([*seeds.values(), corpus["national-lvse"], corpus["hebei-lvse"], corpus["dalian-lvse"]])
    texts += ["PM2.5浓度\0下降", "", "一", "ab", "绿色低碳、循环发展"]  # a NUL of its own, too short, Latin
    assert len(texts) > 150
    for text in texts:
        assert terms(text) == _plain_terms(text), text
    assert terms("绿色低碳、循环发展") == {"绿色", "色低", "低碳", "绿色低", "色低碳", "循环", "环发", "发展", "循环发", "环发展"}


def test_sequence_matcher_gives_difflib_opcodes(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    """The compiled matcher (cydifflib, when installed) against difflib on every clause pair of two families."""
    matcher = _sequence_matcher()
    compared = 0
    for child, parent in [(seeds["shapingba-jianwu-2023"], seeds["chongqing-jianwu-2023"]), (corpus["henan-lvse"], corpus["national-lvse"])]:
        for c in child.clauses[::3]:
            for p in parent.clauses[::3]:
                keys = department_keys(p, c)
                a = _folded_tokens(tokenize(p.text, clause_spans(p)), keys)
                b = _folded_tokens(tokenize(c.text, clause_spans(c)), keys)
                expected = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                assert [tuple(op) for op in matcher(None, a, b, autojunk=False).get_opcodes()] == expected
                compared += 1
    assert compared > 200


def test_moved_sentence_lookup_ranks_as_over_every_sentence(corpus: dict[str, Document]) -> None:
    """``SentenceIndex.find`` looks only within a length window; the answer is the one over all sentences."""
    child, parent = corpus["jiangsu-lvse"], corpus["national-lvse"]
    index = SentenceIndex([(i, split_sentences(c.text)) for i, c in enumerate(child.clauses)])
    queries = [s.folded for p in parent.clauses for s in split_sentences(p.text)]
    found = 0
    for q in queries:
        result = index.find(q)
        if len(q) < MOVED_MIN_LEN or is_note(q):
            assert result is None
            continue
        k = index.exact.get(q)
        if k is not None:
            expected = (*index.owners[k], 1.0)
        else:
            best = process.extract(q, index.texts, scorer=fuzz.ratio, score_cutoff=MOVED_MIN * 100, limit=1)
            expected = (*index.owners[best[0][2]], best[0][1] / 100) if best else None
        assert result == expected, q
        found += result is not None
    assert found >= 10
