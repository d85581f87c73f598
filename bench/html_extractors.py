"""Benchmark: main-content extractors on Chinese government web pages (bench/html_pages.py).

For each page (the four layouts, with short excerpts as in the test fixtures and with the whole report) and
each extractor, the text is read and cleaned as the loader does (``clean_text``), then scored against the page's
title and body lines:

- ``body chars``: share of the body's characters whose line is found in the text (whitespace ignored);
- ``paras``: body lines found intact as a line of their own (a table row counts when its cells share one line);
- ``lost``: body lines not found at all, with the short ones (各位代表：, headings, table rows) named;
- ``chrome``: occurrences of page-furniture strings (首页, 政务公开, 当前位置, 版权所有, ICP备, 字号 …; see
  ``html_pages.CHROME``) beyond those in the body;
- ``other``: characters of the lines that are neither title nor body (site names, related links, share links …);
- ``title``: the title line is the first line of the clean text.

Extractors: ``page`` (every visible block of the page, ``<nav>``/``<header>``/``<footer>`` dropped, as the reader did
before readability was used; it is the fallback now),
``trafilatura`` 2.3.1 (``extract``, tables included, its own fallbacks on), ``readability`` (readability-lxml 0.9,
``Document.summary``, its HTML turned into lines as bs4 does), ``justext`` 3.0.2 (no Chinese stop list exists:
empty stop list, stop-word thresholds 0, so that length and link density decide), and ``govreports`` (the reader
after this change, :func:`govreports.corpus.readers.read_file`).

    .venv/bin/python bench/html_extractors.py            # about 3 s; the full pages need ../shared/devcorpus

The chrome counts are taken after ``clean_text``, whose text-level rules (site_chrome, breadcrumb, control_line)
already remove much of the furniture from every extractor's text.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

# bench/ is on the path of a script run from it
from html_pages import CHROME, DEVCORPUS, Page, gold_lines, pages

from govreports.corpus import readers, webpages
from govreports.corpus.clean import clean_text

_SPACE = re.compile(r"\s+")


def bs4_text(page: str) -> str:
    return "\n".join(webpages.page_lines(page))


def trafilatura_text(page: str) -> str:
    import trafilatura

    return trafilatura.extract(page, include_tables=True, include_comments=False, deduplicate=False) or ""


def readability_text(page: str) -> str:
    from readability import Document

    document = Document(page)
    return document.short_title() + "\n" + "\n".join(webpages.page_lines(document.summary(html_partial=True)))


def justext_text(page: str) -> str:
    import justext

    paragraphs = justext.justext(page.encode("utf-8"), frozenset(), stopwords_low=0, stopwords_high=0,
                                 encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def govreports_text(page: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "page.html"
        path.write_text(page, encoding="utf-8")
        return readers.read_file(path).text


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "page": bs4_text, "trafilatura": trafilatura_text, "readability": readability_text, "justext": justext_text,
    "govreports": govreports_text,
}


def score(page: Page, text: str) -> dict[str, object]:
    """Scores of one extractor's text (after clean_text) on one page."""
    clean = clean_text(text).text
    lines = {_SPACE.sub("", line) for line in clean.split("\n")}
    flat = _SPACE.sub("", clean)
    body = [_SPACE.sub("", clean_text(line).text) for line in page.body]  # the same character normalisation
    found = [line in flat for line in body]
    gold_flat = _SPACE.sub("", clean_text("\n".join(gold_lines(page))).text)
    chrome = sum(max(0, flat.count(s) - gold_flat.count(s)) for s in CHROME)
    lost = [line for line, ok in zip(page.body, found, strict=True) if not ok]
    extra = sum(len(line) for line in lines if line and line not in gold_flat)
    return {
        "body_chars": sum(len(b) for b, ok in zip(body, found, strict=True) if ok) / sum(map(len, body)),
        "paras": sum(line in lines for line in body),
        "n_paras": len(body),
        "lost": lost,
        "chrome": chrome,
        "extra": extra,
        "title": clean.split("\n", 1)[0].strip() == clean_text(page.title).text,
    }


def main() -> None:
    sets = [("short", pages(short=True))]
    if DEVCORPUS.is_dir():
        sets.append(("full", pages(short=False)))
    print("| pages | page | extractor | body chars kept | paragraphs intact | chrome strings left | other chars left |"
          " title first | body lines lost (short ones shown) |")
    print("|---|---|---|---|---|---|---|---|---|")
    totals: dict[tuple[str, str], list[dict[str, object]]] = {}
    for label, chosen in sets:
        for page in chosen:
            for name, extract in EXTRACTORS.items():
                result = score(page, extract(page.html))
                totals.setdefault((label, name), []).append(result)
                lost = result["lost"]
                shown = ", ".join(line for line in lost if len(line) <= 20)  # type: ignore[attr-defined]
                print(f"| {label} | {page.name} | {name} | {result['body_chars']:.3f} | {result['paras']}/"
                      f"{result['n_paras']} | {result['chrome']} | {result['extra']} | {'yes' if result['title'] else 'no'} | "
                      f"{len(lost)}{': ' + shown if shown else ''} |")  # type: ignore[arg-type]

    print("\n| pages | extractor | lowest body share | body lines lost | paragraphs intact | chrome strings left |"
          " other chars left | title first |")
    print("|---|---|---|---|---|---|---|---|")
    for (label, name), results in totals.items():
        print(f"| {label} ({len(results)}) | {name} | {min(r['body_chars'] for r in results):.3f} | "  # type: ignore[type-var]
              f"{sum(len(r['lost']) for r in results)} | {sum(r['paras'] for r in results)}/"  # type: ignore[arg-type,misc]
              f"{sum(r['n_paras'] for r in results)} | {sum(r['chrome'] for r in results)} | "  # type: ignore[misc]
              f"{sum(r['extra'] for r in results)} | {sum(bool(r['title']) for r in results)}/{len(results)} |")  # type: ignore[misc]


if __name__ == "__main__":
    main()
