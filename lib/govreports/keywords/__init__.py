"""Counting words: term frequencies, TF-IDF, keyness and KWIC (``frequencies``), dictionary attention indices
(``attention``), quoted slogans and numbered formulations (``formulations``)."""
