"""``diff_documents``: a child plan against its parent, from two parsed documents.

The pipeline: ``align`` pairs clauses; each pair gets its similarity, inline
edits (``inline_diff``) and department pairing; ``compare`` matches targets and
departments and computes the summary.  Nothing is reparsed.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from .align import align_documents
from .compare import home_province, compare_departments, compare_targets, pair_departments, summarize
from .diffmodel import CorpusEntry, DocumentDiff, ParentComparison
from .inline_diff import diff_clauses, level_only_edits
from .model import Document
from .pair_warnings import pair_warnings
from .sentences import align_sentences, link_moved_sentences, split_sentences


def diff_documents(child: Document, parent: Document, *, found_by: str = "given") -> DocumentDiff:
    alignments = align_documents(child, parent)
    home = home_province(child, parent)
    c_sentences = [split_sentences(c.text) for c in child.clauses]
    p_sentences = [split_sentences(p.text) for p in parent.clauses]
    for a in alignments:
        if a.child_index is None or a.parent_index is None:
            continue
        c, p = child.clauses[a.child_index], parent.clauses[a.parent_index]
        a.similarity = fuzz.ratio(p.text, c.text) / 100
        a.sentences = align_sentences(p_sentences[a.parent_index], c_sentences[a.child_index], len(p.text))
        a.edits = diff_clauses(p, c, a.sentences)
        if a.kind == "clause":
            a.departments = pair_departments(p.departments, c.departments, home)
    link_moved_sentences(alignments, c_sentences, p_sentences, [len(p.text) for p in parent.clauses])
    targets = compare_targets(alignments, child, parent)
    departments = compare_departments(child, parent)
    summary = summarize(alignments, child, parent, targets, departments)
    summary.level_only_edits = sum(level_only_edits(a.edits) for a in alignments)
    warnings = pair_warnings(child, parent, summary.copied_share)
    return DocumentDiff(child, parent, found_by, alignments, targets, departments, summary, warnings)


def compare_for_check(child: Document, parent: Document, *, found_by: str = "given") -> ParentComparison:
    """The alignment and the targets compared, as ``diff_documents`` makes them (nothing it does
    after ``align_documents`` changes an alignment's kind, indices or flags, and ``compare_targets``
    reads only those): what the parent rules of ``jianwu check`` need.  Without the flags of the
    child's own repeated clauses (``duplicate_in_child``): no rule reads them (``check`` finds
    repetition in the document itself, JW030), and they cost about a tenth of the alignment.  Nor the
    n-gram cosine of each pair made (``Scores.terms``, 0.0 here): no rule reads an alignment's scores,
    and no step of the alignment a pair's cosine."""
    alignments = align_documents(child, parent, duplicates=False, pair_terms=False)
    return ParentComparison(child, parent, found_by, alignments, compare_targets(alignments, child, parent))


def diff_corpus(docs: list[Document], corpus_name: str) -> list[CorpusEntry]:
    """Every document of a corpus against its parent (or nearest ancestor) there.

    One lineage run over the whole corpus (``lineage.analyse``); a document without a link
    gets what it cites, and a national one is the top of its family, not missing a parent.
    """
    from .lineage import analyse

    entries: list[CorpusEntry] = []
    for outcome in analyse(docs):
        doc = outcome.child
        if outcome.parent is None or outcome.found_by is None:
            entries.append(CorpusEntry(doc, None, outcome.cites, outcome=outcome))
            continue
        entries.append(CorpusEntry(doc, diff_documents(doc, outcome.parent, found_by=outcome.found_by), outcome=outcome))
    return entries
