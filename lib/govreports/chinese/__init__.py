"""Facts of written Chinese that every part of the package reads the same way: characters and their normal forms
(``chars``), numerals (``numerals``), years and periods (``periods``), and where clauses and sentences end
(``clauses``). Imports nothing of govreports but ``rules`` (for the five-year plan table)."""
