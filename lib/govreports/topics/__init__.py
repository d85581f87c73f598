"""Topic models of paragraphs: NMF and LDA fits, the choice of K (``models``) and their quality measures: NPMI
coherence, FREX, seed stability (``coherence``)."""
