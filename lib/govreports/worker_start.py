"""What every worker process needs before its first task, done once in the fork server.

:func:`govreports.runtime.parallel.process_pool` forks its workers from a fork server that imports this module
when it starts (``WORKER_MODULES``). Importing it imports the modules of the work sent to workers (loading,
segmentation and counting, indicator extraction) and rjieba with its dictionary, so that each worker forked from
the server starts with them, sharing the memory with its siblings, instead of each importing the same on its own
(0.7 s per worker on this project's machine).

Nothing is built here that only some work needs: the gazetteer (0.6 s, 47 MiB) is built by the workers that load
reports (a command's pool builds it in each worker as it starts: :func:`govreports.corpus.places.build_gazetteer`),
so that the workers of segmentation or counting do not carry it. Nothing here depends on the caller's settings:
the reading rules (``GOVREPORTS_RULES``) are looked up by each task, not at import.
"""

from __future__ import annotations

import rjieba  # noqa: F401  (its import loads its dictionary)

import govreports.corpus.load
import govreports.indicators.extraction
import govreports.keywords.frequencies
import govreports.text.tokens  # noqa: F401
