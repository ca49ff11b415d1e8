#!/usr/bin/python3
"""The book on paper: one PDF of the main page, the chapters, their exercises and the figures.

  book_pdf.py HTML_DIR OUT.pdf

Gathers the text of those pages (in the order of the contents) into one print page next to
the rendered HTML, lets headless Chromium draw its formulas with the book's MathJax, and
prints it to A4 with page numbers. Links to other pages of the HTML book (the library
reference) become plain text; links within the printed pages keep working. The print page
is removed afterwards; the HTML book is left as it was.
"""

import os
import pathlib
import re
import sys
import time
import base64

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import browser_test  # noqa: E402  (the same Chromium driver and server)

PRINT_PAGE = "book-print.html"


def page_parts(path):
    """The title and the contents <div> of one Doxygen page."""
    text = path.read_text()
    title = re.search(r'<div class="title">(.*?)</div>', text, re.S)
    start = text.index('<div class="contents">')
    end = text.index("<!-- contents -->", start)
    return (title.group(1).strip() if title else path.stem), text[start:end]


def print_page(folder, pages):
    head = (folder / "index.html").read_text()
    mathjax = "\n".join(re.findall(r'<script type="text/x-mathjax-config">.*?</script>|'
                                   r'<script[^>]*src="mathjax/MathJax.js"[^>]*></script>',
                                   head, re.S))
    body = []
    names = set(pages)
    for name in pages:
        title, contents = page_parts(folder / name)
        # Links into the printed pages point at their anchors; others become plain text.
        contents = re.sub(r'<div class="chapter-nav">.*?</div>', "", contents, flags=re.S)

        def relink(match):
            target, _, anchor = match.group(2).partition("#")
            if target in names:
                return f'{match.group(1)}href="#{anchor or "page-" + target[:-5]}"'
            if not target:  # an anchor on the same page
                return match.group(0)
            return match.group(1) + 'data-href="' + match.group(2) + '"'

        contents = re.sub(r'(<a\b[^>]*?)href="([^"]*)"', relink, contents)
        body.append(f'<section class="print-page" id="page-{name[:-5]}">'
                    f'<div class="header"><div class="headertitle"><div class="title">{title}'
                    f"</div></div></div>{contents}</section>")
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Neural Networks, Out and Out</title>
<link href="doxygen.css" rel="stylesheet" type="text/css"/>
<link href="book.css" rel="stylesheet" type="text/css"/>
{mathjax}
<style>
  section.print-page {{ break-before: page; }}
  section.print-page:first-child {{ break-before: auto; }}
  div.contents {{ max-width: none; padding: 0; }}
  div.contents div.fragment, div.program-output, div.listing-source {{ margin-left: 0;
                                                                       margin-right: 0; }}
  div.headertitle {{ max-width: none; }}
  figure.book-figure, div.fragment, div.program-output, details {{ break-inside: avoid; }}
  details.hint {{ display: block; }}
  details.hint summary::after {{ content: ""; }}
  body {{ background: white; }}
</style>
</head><body>
{"".join(body)}
<script>document.querySelectorAll("details").forEach(d => d.open = true);</script>
</body></html>
"""


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: book_pdf.py HTML_DIR OUT.pdf")
    folder, target = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    pages = [p for p in browser_test.book_pages(folder, False) if p != "reference.html"]
    started = time.monotonic()
    (folder / PRINT_PAGE).write_text(print_page(folder, pages))
    book = browser_test.Book(folder, False)
    browser = None
    try:
        browser = browser_test.Browser()
        browser.call("Page.navigate", url=book.url(PRINT_PAGE))
        if not browser.wait_event("Page.loadEventFired", 60):
            sys.exit("book_pdf: the print page did not load")
        waited = browser.evaluate(browser_test.WAIT_FOR_MATHJAX, timeout=120)
        if waited:
            sys.exit(f"book_pdf: {waited}")
        footer = ('<div style="font: 9px sans-serif; width: 100%; text-align: center; '
                  'color: #59636e;">Neural Networks, Out and Out &middot; '
                  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
        pdf = browser.call("Page.printToPDF", timeout=180, printBackground=True,
                           paperWidth=8.27, paperHeight=11.69, marginTop=0.7,
                           marginBottom=0.7, marginLeft=0.7, marginRight=0.7, scale=0.72,
                           displayHeaderFooter=True, headerTemplate="<span></span>",
                           footerTemplate=footer)
    finally:
        if browser is not None:
            browser.close()
        book.close()
        (folder / PRINT_PAGE).unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".pdf.tmp")
    temporary.write_bytes(base64.b64decode(pdf["data"]))
    os.replace(temporary, target)
    count = len(re.findall(rb"/Type\s*/Page\b", target.read_bytes()))
    print(f"book_pdf: {target} ({count} pages from {len(pages)} HTML pages, "
          f"{time.monotonic() - started:.1f} s)")


if __name__ == "__main__":
    main()
