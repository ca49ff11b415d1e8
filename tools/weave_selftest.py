#!/usr/bin/python3
"""Proves that weave cuts library regions right and refuses the broken ones.

  weave_selftest.py

In a temporary tree it writes a library file with `// book:begin NAME` / `// book:end NAME`
markers and a chapter that shows them with \\library{lib/FILE}{NAME}{Caption}, and checks:

  - the listing holds the lines between the markers (not the markers, not a marker nested
    inside, not the blank lines at either end), without their common indentation, and its
    caption names the file and the line range of what is shown;
  - a directive that clang-format wrapped over two lines still works;
  - a missing file, a missing marker, a marker left open, one given twice, an end with no
    begin, an empty region and a path outside lib/ each stop the weave with a message that
    names the chapter's file and line, the library file and the marker;
  - a chapter page with no \\library listing stops the weave.

Then it checks every \\library directive of the real chapters against the real lib/, so a
marker that a change to the library dropped is found without rendering the book, and weaves
the real page "Your own program" (docs/your_own_program.md): every \\listing{PATH}{Caption}
shows the whole file, every \\fields{HEADER}{STRUCT} lists members, none is left unexpanded,
and a listing of a missing file stops the weave naming the page's line. Exit
status 0 when all hold, 1 with a line per failure.
"""

import pathlib
import re
import sys
import tempfile
import types

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import weave  # noqa: E402

LIBRARY_FILE = """\
#include "lib/thing.h"

namespace nn {

// book:begin whole
int twice(int x) {
  // book:begin inner
  return 2 * x;
  // book:end inner
}

// book:end whole
// book:begin indented
  int deeper = 1;
    int deepest = 2;
// book:end indented
}  // namespace nn
"""

FAILURES = []


def check(condition, what):
    if not condition:
        FAILURES.append(what)
    return condition


def chapter_in(root, prose):
    """A chapter-like object whose source is chapters/99_test/test.cc under `root`."""
    source = root / "chapters" / "99_test" / "test.cc"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text("/// # Test\n" + "".join(f"/// {line}\n" for line in prose) + "int x;\n")
    run = {"mode": "quick", "seed": 42, "date": "2026-12-06T04:00:00Z", "seconds": 1.0}
    return types.SimpleNamespace(
        id="99_test", number=99, short="test", label="ch99_test", title="Test",
        exercises_label="ex99_test", source=source, results_dir=root, results={}, run=run,
        timings={"quick": run}, figures=[], library_listings=0, exercises=[], quoted=[])


def weave_page(root, prose):
    """Weaves a one-chapter book; returns the page's Markdown or the WeaveError's message."""
    chapter = chapter_in(root, prose)
    out = root / "out"
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "images").mkdir(parents=True, exist_ok=True)
    build = types.SimpleNamespace(date="2026-12-06T04:00:00Z", machine="a test", version="")
    try:
        weave.weave_chapter(chapter, [chapter], out / "pages", out / "images", build)
    except weave.WeaveError as error:
        return None, str(error)
    return (out / "pages" / "99_test.md").read_text(), None


def expect_error(root, directive, *fragments):
    page, error = weave_page(root, ["Prose.", "", directive])
    if not check(error is not None, f"{directive}: the weave did not fail"):
        return
    for fragment in ("chapters/99_test/test.cc:4", *fragments):
        check(fragment in error, f"{directive}: the message lacks '{fragment}': {error}")


def self_test(root):
    (root / "lib").mkdir()
    (root / "lib" / "thing.cc").write_text(LIBRARY_FILE)

    # The region, its line numbers and its caption.
    page, error = weave_page(root, ["Look at it:", "",
                                    "\\library{lib/thing.cc}{whole}{Doubling, `twice`.}"])
    if check(error is None, f"a good directive failed: {error}"):
        listing = page[page.index("```{.cpp}"):]
        listing = listing[:listing.index("```", 3) + 3]
        check(listing == "```{.cpp}\nint twice(int x) {\n  return 2 * x;\n}\n```",
              f"the listing is not the region without its markers:\n{listing}")
        check("lib/thing.cc, lines 6–10. Doubling, <code>twice</code>." in page,
              "the caption does not name the file, lines 6–10 and the caption text")
        check("From the library: <code>lib/thing.cc</code>" in page,
              "the listing has no 'From the library' heading")
        check("book:" not in page, "a marker line reached the page")
    page, error = weave_page(root, ["\\library{lib/thing.cc}{indented}{Indented.}"])
    if check(error is None, f"an indented region failed: {error}"):
        check("```{.cpp}\nint deeper = 1;\n  int deepest = 2;\n```" in page,
              "the common indentation of a region is not removed")
    page, error = weave_page(root, ["\\library{lib/thing.cc}{inner}{A caption that",
                                    "clang-format wrapped.}"])
    if check(error is None, f"a wrapped directive failed: {error}"):
        check("line 8. A caption that clang-format wrapped." in page,
              "a wrapped directive's caption is not joined")

    # What must fail, and name what is wrong.
    expect_error(root, "\\library{lib/nothing.cc}{whole}{x}", "lib/nothing.cc", "no library file")
    expect_error(root, "\\library{lib/thing.cc}{absent}{x}", "lib/thing.cc", "'absent'",
                 "its markers: indented, inner, whole")
    expect_error(root, "\\library{../etc/passwd}{x}{x}", "not a file of the library")
    expect_error(root, "\\library{lib/thing.cc}{whole}", "alone on a line")
    broken = {
        "open": ("// book:begin open\nint a;\n", "marker 'open' is not closed"),
        "twice": ("// book:begin twice\n// book:end twice\n// book:begin twice\n"
                  "// book:end twice\n", "duplicate marker '// book:begin twice'"),
        "stray": ("int a;\n// book:end stray\n", "'// book:end stray' with no"),
        "empty": ("// book:begin empty\n\n// book:end empty\n", "marker 'empty' holds no code"),
    }
    for name, (text, message) in broken.items():
        (root / "lib" / f"{name}.cc").write_text(text)
        expect_error(root, f"\\library{{lib/{name}.cc}}{{{name}}}{{x}}", f"lib/{name}.cc",
                     message)
    # A broken marker elsewhere in the file fails a directive that names a good one.
    (root / "lib" / "mixed.cc").write_text("// book:begin good\nint a;\n// book:end good\n"
                                           "// book:begin bad\n")
    expect_error(root, "\\library{lib/mixed.cc}{good}{x}", "lib/mixed.cc:4",
                 "marker 'bad' is not closed")

    # A chapter page without a listing from the library.
    page, error = weave_page(root, ["Only prose."])
    check(error is not None and "no listing from the library" in error
          and "chapters/99_test/test.cc" in error,
          f"a chapter with no \\library listing was woven (error: {error})")


def real_chapters():
    """Every \\library directive of the book's chapters, checked against lib/."""
    count = 0
    for source in sorted((weave.ROOT / "chapters").glob("[0-9][0-9]_*/*.cc")):
        lines = source.read_text().splitlines()
        prose = [(n, l[4:] if l.startswith("/// ") else l[3:])
                 for n, l in enumerate(lines, start=1) if l.startswith("///")]
        found = 0
        for number, text in weave.join_directives(prose):
            match = weave.LIBRARY.match(text.strip())
            if not match:
                continue
            found += 1
            try:
                weave.library_region(match.group(1), match.group(2))
            except weave.WeaveError as error:
                check(False, f"{source.relative_to(weave.ROOT)}:{number}: {error}")
        if lines and lines[0].startswith("/// # "):
            check(found > 0, f"{source.relative_to(weave.ROOT)}: no \\library listing")
        count += found
    return count


def own_program_page():
    """Weaves docs/your_own_program.md from the real tree; returns how many files it shows."""
    source = (weave.ROOT / "docs" / "your_own_program.md").read_text()
    paths = re.findall(r"^\\listing\{([^}]*)\}", source, re.M)
    check(len(paths) >= 2, "docs/your_own_program.md shows fewer than two files")
    with tempfile.TemporaryDirectory(prefix="weave-own-program-") as temporary:
        out = pathlib.Path(temporary)
        try:
            weave.weave_own_program([], out)
        except weave.WeaveError as error:
            check(False, f"the page 'Your own program': {error}")
            return 0
        page = (out / "your_own_program.md").read_text()
        check("\\listing{" not in page and "\\fields{" not in page,
              "the page 'Your own program' has a directive left unexpanded")
        for path in paths:
            text = (weave.ROOT / path).read_text().rstrip("\n")
            check(text in page, f"the page 'Your own program' does not show {path} whole")
        check("`.epochs`, `.batch_size`" in page,
              "the page 'Your own program' does not list FitOptions in declaration order")
        root = out / "tree"
        (root / "docs").mkdir(parents=True)
        (root / "docs" / "your_own_program.md").write_text("# Page {#your_own_program}\n\n"
                                                          "\\listing{examples/gone.cc}{Gone}\n")
        try:
            weave.weave_own_program([], out, root=root)
            check(False, "a \\listing of a missing file did not stop the weave")
        except weave.WeaveError as error:
            check("your_own_program.md:3" in str(error) and "examples/gone.cc" in str(error),
                  f"a \\listing of a missing file: the message lacks the line or file: {error}")
    return len(paths)


def main():
    with tempfile.TemporaryDirectory(prefix="weave-selftest-") as temporary:
        real_root = weave.ROOT
        weave.ROOT = pathlib.Path(temporary)
        try:
            self_test(weave.ROOT)
        finally:
            weave.ROOT = real_root
    listings = real_chapters()
    files = own_program_page()
    for failure in FAILURES:
        print(f"weave self-test: {failure}")
    if FAILURES:
        print(f"weave self-test: {len(FAILURES)} failed")
        return 1
    print(f"weave self-test: library regions cut and checked; {listings} \\library listings "
          f"in the chapters resolve; the page 'Your own program' shows {files} files whole")
    return 0


if __name__ == "__main__":
    sys.exit(main())
