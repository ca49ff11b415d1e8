#!/usr/bin/python3
"""Proves that the browser test fails when the book is broken.

  browser_test_selftest.py HTML_DIR

Copies the rendered book to a temporary folder and, in the copy of one chapter page, breaks
a formula (TeX that cannot parse), writes raw TeX into the prose (\\f$ ... \\f$, which
MathJax leaves as it is), deletes the file of one of its figures, points one link at a page
that does not exist and another at an anchor that does not exist, and takes away the mark
of its listings from the library. Then it runs tools/browser_test.py on that page and checks
that it exits non-zero and reports each of the six, naming the page. Exit status 0 when it does, 1 (with the browser test's output)
when anything went unnoticed.
"""

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
RAW_TEX = r"\f$ z = w^\top x \f$"


def sabotage(page_path, folder):
    """Breaks the page in place; returns {what: text the report must contain}."""
    text = page_path.read_text()
    contents = text.index('<div class="contents">')
    head, body = text[:contents], text[contents:]
    expected = {}

    # A formula whose TeX cannot parse: MathJax draws an error instead of the maths.
    formula = re.search(r"\\\((.+?)\\\)", body, re.S)
    if not formula:
        raise SystemExit(f"self-test: {page_path.name} has no inline formula to break")
    body = body[:formula.start()] + r"\(\frac{1}{" + formula.group(1) + r"\)" + body[formula.end():]
    expected["broken formula"] = "formula does not render"

    # Raw TeX in the prose, as when a \f$ reaches the page without its closing partner.
    paragraph = body.index("<p >") if "<p >" in body else body.index("<p>")
    opening = body.index(">", paragraph) + 1
    body = body[:opening] + RAW_TEX + " " + body[opening:]
    expected["raw TeX"] = "raw TeX '\\f$'"

    # A figure whose file is gone.
    image = re.search(r'<img src="([^"/]+\.(?:svg|png))"', body)
    if not image or not (folder / image.group(1)).is_file():
        raise SystemExit(f"self-test: {page_path.name} has no figure to delete")
    (folder / image.group(1)).unlink()
    expected["missing image"] = f"image does not load: {image.group(1)}"

    # A link to a page that does not exist, and one to an anchor that does not exist.
    link = re.search(r'href="([\w.-]+\.html)"', body)
    if not link:
        raise SystemExit(f"self-test: {page_path.name} has no link to another page")
    body = body[:link.start()] + 'href="no-such-page.html"' + body[link.end():]
    expected["broken link"] = "broken link: 'no-such-page.html'"
    anchored = re.search(r'href="([\w.-]+\.html)#([\w-]+)"', body)
    if not anchored:
        raise SystemExit(f"self-test: {page_path.name} has no link to an anchor")
    body = (body[:anchored.start()] + f'href="{anchored.group(1)}#no-such-anchor"'
            + body[anchored.end():])
    expected["broken anchor"] = f"{anchored.group(1)} has no anchor #no-such-anchor"

    # A chapter page whose listings from the library are gone (their code shown as plain
    # chapter code).
    if 'class="library-listing"' not in body:
        raise SystemExit(f"self-test: {page_path.name} has no listing from the library")
    body = body.replace('class="library-listing"', 'class="not-from-the-library"')
    expected["lost library listing"] = "no listing from the library"

    page_path.write_text(head + body)
    return expected


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: browser_test_selftest.py HTML_DIR")
    source = pathlib.Path(sys.argv[1])
    chapters = sorted(source.glob("ch[0-9][0-9]_*.html"))
    if not chapters:
        sys.exit(f"self-test: no chapter page in {source}")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="book-selftest-") as temporary:
        folder = pathlib.Path(temporary) / "html"
        shutil.copytree(source, folder, symlinks=True)
        page = chapters[0].name
        expected = sabotage(folder / page, folder)
        run = subprocess.run([sys.executable, str(HERE / "browser_test.py"), str(folder),
                              "--pages", page], capture_output=True, text=True)
    report = run.stdout + run.stderr
    lines = [l for l in report.splitlines() if l.strip().startswith(f"{page}:")]
    missed = [what for what, text in expected.items()
              if not any(text in line for line in lines)]
    if run.returncode == 0 or missed:
        print(report)
        if run.returncode == 0:
            print(f"self-test: the browser test passed a broken copy of {page}")
        for what in missed:
            print(f"self-test: the browser test did not report the {what} on {page} "
                  f"(expected a line '{page}: ...{expected[what]}...')")
        return 1
    print(f"self-test: on a broken copy of {page} the browser test exits "
          f"{run.returncode} and reports the {', the '.join(expected)} "
          f"({time.monotonic() - started:.1f} s):")
    for what, text in expected.items():
        line = next(l for l in lines if text in l)
        print(f"  {what:<20} {line.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
