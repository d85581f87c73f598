"""Numbers the reports state: quantities with units (``quantities``), the indicator lexicon (``lexicon``), the
reading of one sentence (``statements``), extraction over a corpus (``extraction``), the place × year panel and
its consistency check (``panel``), and scoring against a hand-coded gold (``evaluation``)."""
