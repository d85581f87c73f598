"""Paper-ready figures: one style and one saver (``style``), shared chart blocks (``heatmap``), and one module of
figure builders per notebook (``overview`` 00, ``keywords`` and ``wordclouds`` 01, ``topics`` 02, ``indicators`` 03).
Every builder returns a matplotlib Figure and takes its labels from the data or the lexicon it is given."""
