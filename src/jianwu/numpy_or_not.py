"""Whether a job should use NumPy, or the plain-Python code that gives the same answer.

NumPy makes a lineage profile (a body's shingles and MinHash) and a diff's clause
similarities and shared-run bounds several times faster, but importing it takes 85 ms:
more than one diff saves.  A ``jianwu check`` or ``jianwu diff`` of one plan does one or
two such jobs (the edited plan's profile, one pair's diff); a corpus run does hundreds.

So the choice is the ski-rental one: each job asks ``use_numpy`` with what doing it in plain
Python costs more (an estimate from its size); the process keeps to plain Python while
those extra costs add up to no more than the import, and imports NumPy for the job that
would go beyond (or from the start, once anything else has imported it).  A one-plan check
never imports it; a corpus run pays at most the import twice over.  Both paths give the
same results (tests compare them); only the time differs.
"""

from __future__ import annotations

import sys

IMPORT_MS = 85.0  # `python -c "import numpy"` less `python -c ""` on the project machine
# What plain Python costs more than NumPy, per character of the text a job reads (measured
# on the seeds and corpus PDFs, CPU): a profile's shingles and 128-value MinHash of a body;
# a diff's n-gram counting and shared-run bounds of a pair (both texts).
PROFILE_EXTRA_MS_PER_CHAR = 0.0014  # 0.007 before plain_minhash worked on lanes (lineage/minhash.py)
DIFF_EXTRA_MS_PER_CHAR = 0.0018
_spent_ms = 0.0  # extra paid so far in plain Python
_bought = False  # NumPy chosen once: every job after uses it


def use_numpy(plain_extra_ms: float) -> bool:
    """Should a job that would cost ``plain_extra_ms`` more in plain Python use NumPy?"""
    global _spent_ms, _bought
    if _bought or "numpy" in sys.modules or _spent_ms + plain_extra_ms > IMPORT_MS:
        _bought = True
        return True
    _spent_ms += plain_extra_ms
    return False
