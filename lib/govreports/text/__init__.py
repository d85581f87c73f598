"""Words: policy-aware segmentation (``segment``) and the token tables of a corpus (``tokens``)."""
