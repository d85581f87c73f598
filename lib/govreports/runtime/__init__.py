"""How work runs, whatever it computes: content-addressed caches (``cache``), worker processes and executors
(``parallel``), progress bars (``progress``). Imports nothing else of govreports."""
