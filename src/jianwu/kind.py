"""What a document is: a plan, or a news report about one.

Analysts' folders hold newspaper and agency reports next to the plans they report on
(“省委办公厅、省政府办公厅印发《…实施意见》”, by a 记者).  Such a report quotes the
plan's targets but has no clause structure of its own, so parsing it as a plan gives a
tree of junk.  A document without numbered clauses that carries a reporter's marks is
recognised as ``kind = "news"``: it parses (no clauses, a ``not_a_plan`` warning naming
the plan it reports on), so a corpus with reports in it still passes through every
command; without such marks a document without clauses stays an error.
"""

from __future__ import annotations

from typing import Optional

from .patterns import compile_pattern

# Marks of journalism near the start of a text:
#   （记者宋平） / 记者 张三 报道 / 本报讯 / 本报记者 / 通讯员 / 新华社北京3月5日电 / 央视网消息 /
#   记者从市生态环境局获悉 (a report's opening: what the reporter learnt from whom)
NEWS_MARK = compile_pattern(
    r"[（(]\s*(?:本报)?记者\s*\p{Han}{2,4}(?:[ 、，,]\s*\p{Han}{2,4})*\s*[）)]"
    r"|(?:本报|见习)?记者\s*\p{Han}{2,4}\s*(?:报道|摄)"
    r"|记者(?:近日|日前|今天|昨天|昨日)?从\p{Han}{2,30}?(?:获悉|了解到)"
    r"|本报讯|本报记者|通讯员\s*\p{Han}{2,4}"
    r"|新华社\p{Han}{0,6}\d{1,2}月\d{1,2}日电"
    r"|(?:央视网|人民网|新华网|中新网)消息"
)
# How much of the text's start is searched for the marks (a byline sits in the first lines).
HEAD = 600
# The plan a report is about: the first title in 《》 after 印发/出台/发布.
REPORTED_TITLE = compile_pattern(r"(?:印发|出台|发布|公布)了?《(?P<title>[^《》\n]{4,80})》")


def is_news_report(text: str) -> bool:
    """Does ``text`` read like a news report (a reporter's byline or an agency dateline)?"""
    return NEWS_MARK.search(text[:HEAD]) is not None


def reported_title(text: str) -> Optional[str]:
    """The title of the plan a news report is about, if it names one."""
    m = REPORTED_TITLE.search(text)
    return m["title"] if m else None
