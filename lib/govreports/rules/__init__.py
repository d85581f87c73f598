"""The reading rules: word lists and rule tables kept as data files in ``govreports/resources``, their one loader
and their validation."""
