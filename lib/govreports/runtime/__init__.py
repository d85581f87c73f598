"""How work runs, whatever it computes: content-addressed caches (``cache``), worker processes and executors
(``parallel``), progress bars (``progress``), the folders a notebook run reads and writes (``paths``). Imports nothing
else of govreports."""
