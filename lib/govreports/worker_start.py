"""What every worker process needs before its first task, done once in the fork server.

:func:`govreports.runtime.parallel.process_pool` forks its workers from a fork server that imports this module
when it starts (``WORKER_MODULES``). Importing it imports the modules of the work sent to workers (loading,
segmentation and counting, indicator extraction) and rjieba with its dictionary, and builds the gazetteer that
loading needs, so that each worker forked from the server starts with all of it, sharing the memory with its
siblings, instead of each importing and building the same on its own (0.7 s of imports, 0.6 s of gazetteer and
0.3 s of rjieba per worker on this project's machine).

A gazetteer that cannot be built (jionlp missing) is left to the first task that needs it, which raises the error
that names the missing package: the fork server itself must start. Nothing here depends on the caller's settings:
the gazetteer comes from the installed jionlp tables only, and the reading rules (``GOVREPORTS_RULES``) are looked
up by each task, not at import.
"""

from __future__ import annotations

from contextlib import suppress

import rjieba  # noqa: F401  (its import loads its dictionary)

import govreports.corpus.load
import govreports.indicators.extraction
import govreports.keywords.frequencies
import govreports.text.tokens  # noqa: F401
from govreports.corpus.places import gazetteer

with suppress(RuntimeError):  # jionlp or ahocorasick-rs missing: the server must still start (see above)
    gazetteer().mentions("")  # builds the gazetteer and its automaton
