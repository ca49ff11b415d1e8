#!/usr/bin/python3
"""Weaves the book: each chapter program becomes a Markdown page for Doxygen.

A chapter file (chapters/NN_name/name.cc) is the single source of its page:

  /// # The perceptron              the page title (first prose line)
  /// Prose in Markdown, maths in \\f$ ... \\f$.
  /// \\result{iris_accuracy|.1%}    a value from the run's results.json (format optional)
  /// \\output{iris}                 the text the program printed in section "iris"
  /// \\figure{boundary.svg}{Caption} a figure the program wrote
  /// \\runtime                      how long the chapter's program takes, as measured (anywhere in prose)
  /// \\library{lib/var.cc}{backward}{Caption}
                                    a region of a library file, marked there by the comment
                                    lines `// book:begin backward` and `// book:end backward`
  /// \\reference{ml3.fashion.test_accuracy}   a published Keras number from
  ///                                 data/reference_results.json, shown as quoted from its source
  /// \\underthehood{Title} ... \\endunderthehood   an engineering aside, boxed apart from the text
  code ...                          code between prose blocks is shown as a listing,
  // book:hide ... // book:show     except what sits between these two markers

Every directive must resolve: a missing key, section, figure, library file or marker is an
error naming the file and line, so a page can never show a blank where a number should be.
Every chapter page shows at least one listing from lib/: the book is also a guide to the
library.

Besides the chapters it writes the exercise page of each chapter (from the manifest and the
exercise headers), the page "Your own program" (docs/your_own_program.md, whose
\\listing{PATH}{Caption} lines become whole files of examples/ shown verbatim and whose
\\fields{HEADER}{STRUCT} become a struct's members in declaration order), the figure index, the main page (docs/mainpage.md, its \\chapters line
replaced by the table of contents) and the library reference's overview (docs/reference.md,
its \\headers line replaced by the list of headers; every lib/ header and namespace gets its
documentation from there, so that Doxygen lists the free functions too).

  weave.py --results out [--fallback out/quick] [--out docs/build]

--results holds the runs whose numbers the pages show; a chapter missing there is shown from
--fallback. Both folders are searched for run.json files to say how long the full and the
quick run take.
"""

import argparse
import datetime
import html
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import manifest
from check_results import lookup

ROOT = manifest.ROOT
RESULT = re.compile(r"\\result\{([^}|]+)(?:\|([^}]*))?\}")
REFERENCE = re.compile(r"\\reference\{([^}]+)\}")
BOX_BEGIN = re.compile(r"^\\underthehood\{([^}]*)\}$")
BOX_END = "\\endunderthehood"
OUTPUT = re.compile(r"^\\output\{(\w+)\}$")
FIGURE = re.compile(r"^\\figure\{([^}]+)\}\{([^}]*)\}$")
LIBRARY = re.compile(r"^\\library\{([^}]*)\}\{([^}]*)\}\{(.*)\}$")
FIELDS = re.compile(r"\\fields\{([^}]*)\}\{(\w+)\}")
LISTING = re.compile(r"^\\listing\{([^}]*)\}\{(.*)\}$")
MARKER = re.compile(r"^\s*//\s*book:(begin|end)\b\s*(.*?)\s*$")
STARS_IN_HEADING = re.compile(r"\s*★+\s*(\(\s*\d+\s*points?\s*\))?\s*$")


class WeaveError(Exception):
    """A chapter or exercise cannot be woven; the message names the file and line."""


class Chapter:
    """One chapter: its folder, source file, number, title and run outputs."""

    def __init__(self, folder, results_root, fallback_root):
        self.id = folder.name                          # 01_perceptron
        self.number = int(self.id.split("_")[0])       # 1
        self.short = self.id.split("_", 1)[1]          # perceptron
        self.label = f"ch{self.id}"                    # ch01_perceptron
        self.exercises_label = f"ex{self.id}"
        sources = [p for p in sorted(folder.glob("*.cc")) if p.read_text().startswith("/// # ")]
        if len(sources) != 1:
            raise WeaveError(f"{folder}: expected one .cc file starting with '/// # Title', "
                             f"found {len(sources)}")
        self.source = sources[0]
        self.title = self.source.read_text().splitlines()[0][len("/// # "):].strip()
        self.results_dir = results_root / self.id
        if not (self.results_dir / "results.json").is_file() and fallback_root is not None:
            self.results_dir = fallback_root / self.id
        self.results = read_json(self.results_dir / "results.json")
        self.run = read_json(self.results_dir / "run.json")
        # Every run we can find, by mode: the page states how long each kind takes.
        self.timings = {}
        for root in (results_root, fallback_root):
            if root is None or not (root / self.id / "run.json").is_file():
                continue
            run = read_json(root / self.id / "run.json")
            if run.get("mode") in ("full", "quick") and isinstance(run.get("seconds"), (int, float)):
                self.timings.setdefault(run["mode"], run)
        self.figures = []                              # (label, number, caption, file)
        self.library_listings = 0                      # \library listings on the page
        self.quoted = []                               # keys of \\reference{} in order of use
        self.exercises = []

    def page(self):
        return f"{self.label}.html"


def read_json(path):
    try:
        return json.loads(path.read_text())
    except OSError:
        raise WeaveError(f"{path}: missing; run the chapter first (./book run)") from None
    except json.JSONDecodeError as error:
        raise WeaveError(f"{path}: not valid JSON: {error}") from None


def format_value(value, spec):
    if spec:
        if isinstance(value, list):
            return ", ".join(format(v, spec) for v in value)
        return format(value, spec)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list):
        return ", ".join(format_value(v, "") for v in value)
    return str(value)


# ---- facts about the build: durations, dates, the machine -----------------------------------

def duration(seconds):
    """19 ms, 2.3 s, 4 min 05 s, 1 h 02 min: how long a run took, as a reader would say it."""
    if seconds < 0.001:
        return "under 1 ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes, rest = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {rest:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def when(stamp):
    """'2026-11-29T05:57:07Z' as '29 November 2026, 05:57 UTC' (unknown stamps unchanged)."""
    try:
        moment = datetime.datetime.strptime(str(stamp), "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return str(stamp)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def machine():
    """'2 CPU cores (AMD EPYC)': the machine that rendered the book and ran its chapters."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 0
    model = ""
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = " ".join(line.split(":", 1)[1].split())
                break
    except OSError:
        pass
    text = f"{cores} CPU core{'s' if cores != 1 else ''}"
    return f"{text} ({html.escape(model)})" if model else text


def source_version():
    """The commit the book was rendered from, and whether the tree had uncommitted changes."""
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--",
                                "chapters", "lib", "exercises"],
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""
    return f"commit {commit}" + (" with uncommitted changes" if dirty else "")


class Build:
    """What every page says about how the book was made."""

    def __init__(self):
        self.date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.machine = machine()
        self.version = source_version()


# ---- chapters -------------------------------------------------------------------------------

def split_blocks(lines):
    """Splits a chapter file into ('prose' | 'code', first line number, lines) blocks."""
    blocks = []
    hidden = False
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped == "// book:hide":
            hidden = True
            continue
        if stripped == "// book:show":
            hidden = False
            continue
        if stripped.startswith("// clang-format"):
            continue
        if line.startswith("///"):
            kind, text = "prose", line[4:] if line.startswith("/// ") else line[3:]
        elif hidden:
            kind, text = "hidden", line
        else:
            kind, text = "code", line
        if blocks and blocks[-1][0] == kind:
            blocks[-1][2].append((number, text))
        else:
            blocks.append((kind, number, [(number, text)]))
    return blocks


def join_directives(lines):
    """Joins a \\figure{...}{...} or \\library{...}{...}{...} that clang-format wrapped over
    several lines into one."""
    joined = []
    for number, text in lines:
        if joined and joined[-1][1].lstrip().startswith(("\\figure{", "\\library{")) and (
                joined[-1][1].count("{") > joined[-1][1].count("}")):
            joined[-1] = (joined[-1][0], joined[-1][1].rstrip() + " " + text.strip())
        else:
            joined.append((number, text))
    return joined


def inline_html(text):
    """A caption's Markdown (`code`, *emphasis*, \\f$ maths \\f$) as HTML for a raw block."""
    text = html.escape(text, quote=False)
    text = re.sub(r"\\f\$(.+?)\\f\$", r"\\(\1\\)", text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*?)\*(?![\w*])", r"<em>\1</em>", text)
    return text


def plain_text(text):
    """A caption as an alt text: no markup, no maths delimiters."""
    text = re.sub(r"\\f\$(.+?)\\f\$", r"\1", text)
    return html.escape(re.sub(r"[`*]", "", text))


def svg_size(path):
    """(width, height) of an SVG's root element, or None."""
    head = path.read_text(errors="replace")[:2000]
    match = re.search(r"<svg\b[^>]*>", head)
    if not match:
        return None
    width = re.search(r'\bwidth="([\d.]+)(?:px)?"', match.group(0))
    height = re.search(r'\bheight="([\d.]+)(?:px)?"', match.group(0))
    return (round(float(width.group(1))), round(float(height.group(1)))) if width and height else None


def figure_html(target, size, number, caption, label, link=True):
    """A figure: the image (opening the file on its own when clicked) and its caption."""
    dimensions = f' width="{size[0]}" height="{size[1]}"' if size else ""
    image = (f'<img src="{target}"{dimensions} alt="Figure {number}: {plain_text(caption)}"/>')
    if link:
        image = f'<a href="{target}" title="Open the figure on its own">{image}</a>'
    return [f'<figure class="book-figure" id="{label}-figure">', image,
            f'<figcaption><span class="figure-number">Figure {number}</span> '
            f"{inline_html(caption)}</figcaption>", "</figure>"]


def library_region(path, name, root=None):
    """The region of a library file between `// book:begin NAME` and `// book:end NAME`.

    Returns (first line number, last line number, lines): the marker lines themselves, any
    other marker inside and clang-format switches are left out, blank lines at either end
    too, and the common indentation is removed. Every marker of the file is checked, so a
    marker left open or given twice is found even when another region is asked for. Raises
    WeaveError (without the chapter's place, which the caller adds)."""
    root = ROOT if root is None else root
    relative = pathlib.PurePosixPath(path)
    if (relative.is_absolute() or ".." in relative.parts or not relative.parts
            or relative.parts[0] != "lib"):
        raise WeaveError(f"'{path}' is not a file of the library (a path like lib/var.cc)")
    source = root / relative
    if not source.is_file():
        raise WeaveError(f"no library file {path}")
    lines = source.read_text(errors="replace").splitlines()
    begins, ends = {}, {}
    for number, line in enumerate(lines, start=1):
        match = MARKER.match(line)
        if not match:
            continue
        kind, marker = match.groups()
        if not re.fullmatch(r"[A-Za-z_][\w-]*", marker):
            raise WeaveError(f"{path}:{number}: '// book:{kind}' needs one name (letters, "
                             f"digits, _ or -), got '{marker}'")
        seen = begins if kind == "begin" else ends
        if marker in seen:
            raise WeaveError(f"{path}:{number}: duplicate marker '// book:{kind} {marker}' "
                             f"(first at line {seen[marker]}); names are unique per file")
        if kind == "end" and marker not in begins:
            raise WeaveError(f"{path}:{number}: '// book:end {marker}' with no "
                             f"'// book:begin {marker}' before it")
        seen[marker] = number
    for marker, number in begins.items():
        if marker not in ends:
            raise WeaveError(f"{path}:{number}: marker '{marker}' is not closed "
                             f"(no '// book:end {marker}' after it)")
    if name not in begins:
        known = ", ".join(sorted(begins)) or "none"
        raise WeaveError(f"{path} has no marker '{name}' (no '// book:begin {name}' line; "
                         f"its markers: {known})")
    region = [(number, lines[number - 1]) for number in range(begins[name] + 1, ends[name])
              if not MARKER.match(lines[number - 1])
              and not lines[number - 1].strip().startswith("// clang-format")]
    while region and not region[0][1].strip():
        region = region[1:]
    while region and not region[-1][1].strip():
        region = region[:-1]
    if not region:
        raise WeaveError(f"{path}:{begins[name]}: marker '{name}' holds no code")
    indent = min(len(text) - len(text.lstrip()) for _, text in region if text.strip())
    return region[0][0], region[-1][0], [text[indent:] for _, text in region]


def line_range(start, end):
    return f"line {start}" if start == end else f"lines {start}–{end}"


def library_listing(path, name, caption):
    """A listing cut from a library file: a heading, the code and its caption (Markdown)."""
    start, end, code = library_region(path, name)
    return ["", "\\htmlonly[block]", '<div class="library-listing">',
            f'<div class="library-head">From the library: <code>{html.escape(path)}</code>'
            "</div>", "\\endhtmlonly", "", "```{.cpp}", *code, "```", "", "\\htmlonly[block]",
            f'<div class="listing-source library-source">{html.escape(path)}, '
            f"{line_range(start, end)}. {inline_html(caption)}</div>", "</div>",
            "\\endhtmlonly", ""]


def weave_prose(chapter, lines, out_images, build):
    """Expands the directives of a prose block; returns Markdown lines."""
    rel = chapter.source.relative_to(ROOT)
    output = []
    lines = join_directives(lines)
    for number, text in lines:
        where = f"{rel}:{number}"
        stripped = text.strip()
        if match := OUTPUT.match(stripped):
            section = chapter.results_dir / f"{match.group(1)}.txt"
            if not section.is_file():
                raise WeaveError(f"{where}: the program printed no section '{match.group(1)}' "
                                 f"({section} is missing)")
            output += ['<div class="program-output">', "\\verbatim",
                       *section.read_text().rstrip("\n").splitlines(), "\\endverbatim", "</div>"]
            continue
        if (box := box_lines(stripped, where)) is not None:
            output += box
            continue
        if match := FIGURE.match(stripped):
            name, caption = match.groups()
            source = chapter.results_dir / name
            if not source.is_file():
                raise WeaveError(f"{where}: the program wrote no figure '{name}' ({source})")
            target = f"{chapter.id}_{name}"
            shutil.copyfile(source, out_images / target)
            figure_number = f"{chapter.number}.{len(chapter.figures) + 1}"
            label = f"fig{chapter.id}_{len(chapter.figures) + 1}"
            size = svg_size(source) if name.endswith(".svg") else None
            chapter.figures.append((label, figure_number, caption, target, size))
            output += ["", f"\\anchor {label}", "\\htmlonly[block]",
                       *figure_html(target, size, figure_number, caption, label),
                       "\\endhtmlonly", ""]
            continue
        if stripped.startswith("\\library"):
            match = LIBRARY.match(stripped)
            if not match:
                raise WeaveError(f"{where}: write \\library{{lib/FILE}}{{MARKER}}{{Caption}} "
                                 f"alone on a line, got: {stripped}")
            path, name, caption = match.groups()
            try:
                output += library_listing(path, name, caption)
            except WeaveError as error:
                raise WeaveError(f"{where}: \\library{{{path}}}{{{name}}}: {error}") from None
            chapter.library_listings += 1
            continue

        def substitute(match, where=where):
            try:
                return format_value(lookup(chapter.results, match.group(1)), match.group(2))
            except KeyError:
                raise WeaveError(f"{where}: results.json has no '{match.group(1)}'") from None
            except (ValueError, TypeError) as error:
                raise WeaveError(f"{where}: cannot format '{match.group(1)}': {error}") from None

        text = RESULT.sub(substitute, text)
        text = expand_references(chapter, text, where)
        output.append(re.sub(r"\\runtime\b", lambda _: runtime_sentence(chapter, build), text))
    return output


def runtime_sentence(chapter, build):
    """How long the chapter's program takes, from the runs this build made; never invented."""
    full, quick = chapter.timings.get("full"), chapter.timings.get("quick")
    command = f"<code>./book run {chapter.short}</code>"
    where = f"on the machine that built this book, with {build.machine}"
    if full and quick:
        return (f"The chapter's program takes {duration(full['seconds'])} for its full run "
                f"and {duration(quick['seconds'])} for its quick run (`--quick`), "
                f"{where}.")
    if full:
        return (f"The chapter's program takes {duration(full['seconds'])} for its full run "
                f"{where}; its quick run was not timed in this build.")
    if quick:
        return (f"Only the quick run (`--quick`) was timed in this build: "
                f"{duration(quick['seconds'])} {where}. The full run has not been timed; "
                f"{command} makes it, and renders this page from it.")
    return "No run of this chapter recorded how long it took."


def running_times(chapter, build):
    """'Running time on 2 CPU cores (...): full run 3 min 12 s; quick run 0.4 s.'"""
    parts = []
    for mode in ("full", "quick"):
        run = chapter.timings.get(mode)
        parts.append(f"{mode} run {duration(run['seconds'])}" if run
                     else f"{mode} run not timed in this build")
    return f"Running time on {build.machine}: {'; '.join(parts)}."


def run_facts(chapter, build):
    """The box at the top of a chapter page: where its numbers come from and what runs cost."""
    run = chapter.run
    mode = str(run.get("mode", "?"))
    lines = ['<div class="run-facts">',
             f"Made from the <b>{html.escape(mode)} run</b> of the chapter's program (seed "
             f"{html.escape(str(run.get('seed')))}, {when(run.get('date'))}).",
             running_times(chapter, build)]
    if mode == "quick":
        lines.append("A quick run trains on less data for fewer epochs, so its numbers and "
                     f"figures are rougher than a full run's; `./book run {chapter.short}` "
                     "makes the full run and renders this page from it.")
    lines.append("</div>")
    return lines


def weave_chapter(chapter, chapters, out_pages, out_images, build):
    check_boxes(chapter)
    lines = chapter.source.read_text().splitlines()
    blocks = split_blocks(lines)
    rel = chapter.source.relative_to(ROOT)
    page = [f"# Chapter {chapter.number}: {chapter.title} {{#{chapter.label}}}", ""]
    page += navigation(chapter, chapters)
    page += run_facts(chapter, build) + [""]
    first = True
    for kind, _, block in blocks:
        if kind == "prose":
            if first:
                block = block[1:]  # the title line
                first = False
            page += [""] + weave_prose(chapter, block, out_images, build)
        elif kind == "code":
            while block and not block[0][1].strip():
                block = block[1:]
            while block and not block[-1][1].strip():
                block = block[:-1]
            if block:
                start, end = block[0][0], block[-1][0]
                page += ["", "```{.cpp}", *[text for _, text in block], "```",
                         f'<div class="listing-source">{rel}, {line_range(start, end)}</div>',
                         ""]
    if chapter.library_listings == 0:
        raise WeaveError(f"{rel}: the page shows no listing from the library; every chapter "
                         "cuts at least one region of lib/ into its prose with "
                         "\\library{lib/FILE}{MARKER}{Caption}")
    if chapter.exercises:
        points = sum(e["points"] for e in chapter.exercises)
        page += ["", "## Exercises", "",
                 f"{len(chapter.exercises)} graded exercises ({points} points) go with this "
                 f"chapter: \\subpage {chapter.exercises_label}. Grade them with "
                 f"<code>./book grade {chapter.short}</code>.", ""]
    page += quoted_numbers(chapter)
    page += produced(chapter, build)
    page += navigation(chapter, chapters)
    (out_pages / f"{chapter.id}.md").write_text("\n".join(page) + "\n")


def nav_bar(previous, following):
    return ['<div class="chapter-nav">', f'<span class="nav-previous">{previous}</span>',
            '<span class="nav-contents">\\ref index "Contents"</span>',
            f'<span class="nav-next">{following}</span>', "</div>", ""]


def chapter_link(chapter, arrow_before="", arrow_after=""):
    return (f'\\ref {chapter.label} "{arrow_before}Chapter {chapter.number}: '
            f'{chapter.title}{arrow_after}"')


def navigation(chapter, chapters):
    index = chapters.index(chapter)
    previous = chapter_link(chapters[index - 1], "← ") if index > 0 else ""
    following = (chapter_link(chapters[index + 1], arrow_after=" →")
                 if index + 1 < len(chapters) else '\\ref your_own_program "Your own program →"')
    return nav_bar(previous, following)


def produced(chapter, build):
    run = chapter.run
    quick = run.get("mode") == "quick"
    command = f"bazel run //chapters/{chapter.id}" + (" -- --quick" if quick else "")
    again = f"./book run {chapter.short}"
    rendered = f"The page was rendered on {when(build.date)}"
    rendered += f" from {build.version}." if build.version else "."
    return ['<div class="produced">',
            f"Every number, printed output and figure on this page was produced by "
            f"`{command}` ({run.get('mode')} run, seed "
            f"{run.get('seed')}, {duration(run.get('seconds', 0.0))}) on "
            f"{when(run.get('date'))}, on {build.machine}. {rendered} "
            f"To make them again on your machine: `{again}`.",
            "</div>", ""]


# ---- exercises ------------------------------------------------------------------------------

def exercise_statement(exercise):
    """The header's leading /// block (without \\file) and its declarations."""
    header = ROOT / manifest.stub_files(exercise)[0]
    statement, declarations = [], []
    for line in header.read_text().splitlines():
        if line.startswith("///") and not declarations:
            text = line[4:] if line.startswith("/// ") else line[3:]
            if text.strip() != "\\file":
                statement.append(text)
        elif line.strip() == "#pragma once" or (not declarations and not line.strip()):
            continue
        else:
            declarations.append(line)
    while declarations and not declarations[-1].strip():
        declarations.pop()
    compact = []
    for line in declarations:  # at most one blank line in a row
        if line.strip() or (compact and compact[-1].strip()):
            compact.append(line)
    heading = [l for l in statement if l.startswith("# ")]
    body = [l for l in statement if not l.startswith("# ")]
    title = heading[0][2:] if heading else exercise["title"]
    return STARS_IN_HEADING.sub("", title), body, compact


def mistakes_html(exercise):
    """The exercise's common mistakes (exercises/<chapter>/mistakes/), collapsed in one
    <details> after the hint: each mistake's one line and its code, for a reader who has
    solved the exercise. Not nested, so each <details> on the page opens with one click."""
    found = manifest.mistakes(exercise)
    if not found:
        return []

    def body(code):  # the code without its #include lines
        lines = code.splitlines()
        while lines and (lines[0].startswith("#include") or not lines[0].strip()):
            lines.pop(0)
        return "\n".join(lines)

    items = "".join(
        f"<li><p>{html.escape(m['summary'])} <span class=\"mistake-file\">"
        f"({html.escape(m['file'])})</span></p>"
        f"<pre class=\"mistake-code\">{html.escape(body(m['code']))}</pre></li>" for m in found)
    return ['<details class="hint mistakes"><summary>Common mistakes '
            f"({len(found)}; read them once your tests pass)</summary>"
            '<div class="hint-text"><p>Plausible wrong solutions; the tests catch each one '
            "(<code>./book test</code> checks it).</p>"
            f"<ol>{items}</ol></div></details>"]


def weave_exercises(chapter, chapters, out_pages):
    mine = chapter.exercises
    if not mine:
        return
    total = sum(e["points"] for e in mine)
    index = chapters.index(chapter)
    following = (chapter_link(chapters[index + 1], arrow_after=" →")
                 if index + 1 < len(chapters) else '\\ref your_own_program "Your own program →"')
    page = [f"# Exercises of chapter {chapter.number} {{#{chapter.exercises_label}}}", ""]
    page += nav_bar(chapter_link(chapter, "← "), following)
    page += ['<div class="exercise-intro">',
             f"{len(mine)} exercises, {total} points, for {chapter_link(chapter)}. Each one "
             f"is a function to write in <code>exercises/{chapter.id}/</code>; its tests are "
             f"in the <code>_test.cc</code> file beside it (do not edit those). Grade the "
             f"chapter with <code>./book grade {chapter.short}</code>, one exercise with "
             f"<code>./book grade ID</code>, or keep <code>./book watch</code> running to "
             f"re-grade each time you save. <code>./book hint ID</code> prints the hint that "
             f"is hidden below each exercise.", "</div>", ""]
    for exercise in mine:
        heading, body, declarations = exercise_statement(exercise)
        stars = exercise["stars"]
        page += [f"## {heading} {{#ex_{exercise['id']}}}", "",
                 '<div class="exercise-facts">',
                 f'<span class="stars" title="difficulty {stars} of 3">'
                 f"{'★' * stars}{'☆' * (3 - stars)}</span>",
                 f"<span><b>{exercise['points']}</b> points</span>",
                 f"<span>edit <code>{manifest.stub_file(exercise)}</code></span>",
                 f"<span>grade <code>./book grade {exercise['id']}</code></span>",
                 "</div>", "", *body, ""]
        if declarations:
            page += ["What you write, declared in "
                     f"<code>{manifest.stub_files(exercise)[0]}</code>:", "",
                     "```{.cpp}", *declarations, "```", ""]
        page += ["\\htmlonly[block]",
                 '<details class="hint"><summary>Hint</summary><div class="hint-text">'
                 + html.escape(" ".join(exercise["hint"].split())) + "</div></details>",
                 *mistakes_html(exercise), "\\endhtmlonly", ""]
    page += nav_bar(chapter_link(chapter, "← "), following)
    (out_pages / f"{chapter.id}_exercises.md").write_text("\n".join(page) + "\n")


# ---- quoted numbers and boxes ------------------------------------------------------------------

_REFERENCES = None


def references():
    """data/reference_results.json: published Keras numbers with their sources (read once)."""
    global _REFERENCES
    if _REFERENCES is None:
        _REFERENCES = read_json(ROOT / "data" / "reference_results.json")
        for key, value in _REFERENCES.get("values", {}).items():
            for field in ("value", "published_as", "source", "output", "measures"):
                if field not in value:
                    raise WeaveError(f"data/reference_results.json: '{key}' has no '{field}'")
            if value["source"] not in _REFERENCES.get("sources", {}):
                raise WeaveError(f"data/reference_results.json: '{key}' names the unknown "
                                 f"source '{value['source']}'")
    return _REFERENCES


def quoted_html(text):
    """Text for the page, escaped without &#x27; (Doxygen would take '#x27' for a link)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def source_link(name):
    source = references()["sources"][name]
    url = f"{source['repository']}/blob/{source['commit']}/{source['notebook']}"
    return f'<a href="{quoted_html(url)}">{quoted_html(name)}</a>'


def expand_references(chapter, text, where):
    """\\reference{key}: the number as published, marked as quoted and linked to its source."""
    def substitute(match):
        key = match.group(1)
        value = references()["values"].get(key)
        if value is None:
            raise WeaveError(f"{where}: data/reference_results.json has no '{key}'")
        if key not in chapter.quoted:
            chapter.quoted.append(key)
        number = chapter.quoted.index(key) + 1
        return (f'<span class="quoted" title="{quoted_html(value["measures"])}">'
                f'{quoted_html(value["published_as"])}</span>'
                f'<sup class="quoted-mark"><a href="#quoted-{chapter.id}-{number}">'
                f'q{number}</a></sup>')
    return REFERENCE.sub(substitute, text)


def quoted_numbers(chapter):
    """The list at a chapter's end: every quoted number, where it was published, what it is."""
    if not chapter.quoted:
        return []
    lines = ['<div class="quoted-numbers">',
             "<b>Quoted numbers.</b> These values were not measured by this book's programs; "
             "they are quoted as published (data/reference_results.json lists them all):",
             "<ol>"]
    for number, key in enumerate(chapter.quoted, start=1):
        value = references()["values"][key]
        source = references()["sources"][value["source"]]
        lines.append(f'<li id="quoted-{chapter.id}-{number}">{quoted_html(value["published_as"])}: '
                     f'{quoted_html(value["measures"])}. From {source_link(value["source"])}, '
                     f'<code>{quoted_html(source["notebook"])}</code> at commit '
                     f'<code>{source["commit"][:10]}</code> ({quoted_html(source["date"])}; '
                     f'{quoted_html(source["title"])}), {quoted_html(value["output"])}.</li>')
    return lines + ["</ol>", "</div>", ""]


def check_boxes(chapter):
    """Every \\underthehood{...} is closed by \\endunderthehood before the next one opens."""
    rel = chapter.source.relative_to(ROOT)
    open_at = None
    for number, line in enumerate(chapter.source.read_text().splitlines(), start=1):
        text = line[3:].strip() if line.startswith("///") else ""
        if BOX_BEGIN.match(text):
            if open_at:
                raise WeaveError(f"{rel}:{number}: \\underthehood inside the box opened at line "
                                 f"{open_at}")
            open_at = number
        elif text == BOX_END:
            if not open_at:
                raise WeaveError(f"{rel}:{number}: \\endunderthehood without \\underthehood")
            open_at = None
    if open_at:
        raise WeaveError(f"{rel}:{open_at}: \\underthehood is never closed")


def box_lines(stripped, where):
    """\\underthehood{Title} opens an aside and \\endunderthehood closes it; else None."""
    if match := BOX_BEGIN.match(stripped):
        title = match.group(1).strip()
        if not title:
            raise WeaveError(f"{where}: \\underthehood needs a title")
        return ["", '<div class="under-the-hood">',
                f'<div class="under-the-hood-title">Under the hood: {inline_html(title)}</div>',
                ""]
    if stripped == BOX_END:
        return ["", "</div>", ""]
    return None


# ---- the main page, the figure index, the library reference ----------------------------------

def weave_index(chapters, out_pages):
    main = (ROOT / "docs" / "mainpage.md").read_text()
    toc = []
    for chapter in chapters:
        extras = []
        if chapter.exercises:
            points = sum(e["points"] for e in chapter.exercises)
            extras.append(f"{len(chapter.exercises)} exercises, {points} points")
        if chapter.figures:
            extras.append(f"{len(chapter.figures)} figure" + ("s" if len(chapter.figures) > 1
                                                               else ""))
        toc.append(f"{chapter.number}. \\subpage {chapter.label}"
                   + (f" <span class=\"toc-extras\">({'; '.join(extras)})</span>"
                      if extras else ""))
    toc.append(f"{len(chapters) + 1}. \\subpage your_own_program <span class=\"toc-extras\">"
               "(a program of your own: its BUILD file, which header and target gives what, "
               "the C++ a Keras user trips on)</span>")
    figures = sum(len(c.figures) for c in chapters)
    toc.append(f"{len(chapters) + 2}. \\subpage figures <span class=\"toc-extras\">"
               f"(all {figures} figures, with thumbnails)</span>")
    toc.append(f"{len(chapters) + 3}. \\ref reference \"Library reference\" <span class=\"toc-extras\">"
               f"(the library's API: every class and function)</span>")
    toc.append(f"{len(chapters) + 4}. <a href=\"playground.html\">The Playground</a> "
               "<span class=\"toc-extras\">(the book's library, compiled to WebAssembly, trains "
               "small networks live in your browser)</span>")
    if "\\chapters" not in main:
        raise WeaveError("docs/mainpage.md: no \\chapters line for the table of contents")
    exercises = sum(len(c.exercises) for c in chapters)
    points = sum(e["points"] for c in chapters for e in c.exercises)
    main = main.replace("\\chapters", "\n".join(toc))
    main = main.replace("\\bookfacts", f"{len(chapters)} chapter{'s' if len(chapters) != 1 else ''}"
                        f", {exercises} graded exercises worth {points} points, {figures} figures")
    (out_pages / "index.md").write_text(main)


LISTING_LANGUAGES = {".cc": "cpp", ".h": "cpp", ".sh": "sh", ".py": "py", "BUILD": "py",
                     ".bzl": "py"}


def file_listing(path, caption, root=None):
    """A whole file of the repository as a listing, verbatim: its heading, the code and a
    caption with its line count (Markdown). Raises WeaveError for a path outside the
    repository or a missing file."""
    root = ROOT if root is None else root
    relative = pathlib.PurePosixPath(path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise WeaveError(f"'{path}' is not a file of the repository (a path like "
                         "examples/your_own_program/BUILD)")
    source = root / relative
    if not source.is_file():
        raise WeaveError(f"no file {path}")
    lines = source.read_text(errors="replace").rstrip("\n").splitlines()
    language = LISTING_LANGUAGES.get(relative.suffix or relative.name, "txt")
    return ["", "\\htmlonly[block]", '<div class="library-listing">',
            f'<div class="library-head">The file <code>{html.escape(path)}</code></div>',
            "\\endhtmlonly", "", f"```{{.{language}}}", *lines, "```", "", "\\htmlonly[block]",
            f'<div class="listing-source library-source">{html.escape(path)}, the whole file '
            f"({line_range(1, len(lines))}). {inline_html(caption)}</div>", "</div>",
            "\\endhtmlonly", ""]


def struct_fields(path, name, root=None):
    """The data members of `struct NAME` in the library header `path`, in declaration order
    (the order designated initializers must follow). Raises WeaveError if there is none."""
    root = ROOT if root is None else root
    relative = pathlib.PurePosixPath(path)
    source = root / relative
    if relative.is_absolute() or ".." in relative.parts or not source.is_file():
        raise WeaveError(f"no library header {path}")
    text = source.read_text(errors="replace")
    match = re.search(rf"^struct {name} \{{\n(.*?)^\}};", text, re.M | re.S)
    if not match:
        raise WeaveError(f"{path} declares no 'struct {name} {{ ... }};'")
    fields = []
    for line in match.group(1).splitlines():
        code = line.split("//")[0].strip()
        if code.endswith(";") and "(" not in code.split("=")[0]:
            fields.append(re.search(r"(\w+)\s*(=.*)?;$", code).group(1))
    if not fields:
        raise WeaveError(f"{path}: struct {name} has no data members")
    return fields


def weave_own_program(chapters, out_pages, root=None):
    """docs/your_own_program.md: \\navigation becomes the page's navigation bar, and each
    \\listing{PATH}{Caption} line the whole file at PATH, as it is in the repository (the
    files are built and run by ./book test, so the page shows code that works); \\fields{HEADER}{STRUCT}
    anywhere in a line is the struct's members in declaration order, as `.a`, `.b`, ..."""
    root = ROOT if root is None else root
    source = root / "docs" / "your_own_program.md"
    previous = chapter_link(chapters[-1], "← ") if chapters else '\\ref index "← Contents"'
    page = []
    for number, text in enumerate(source.read_text().splitlines(), start=1):
        stripped = text.strip()
        if stripped == "\\navigation":
            page += nav_bar(previous, '\\ref figures "Figures →"')
        elif stripped.startswith("\\listing"):
            match = LISTING.match(stripped)
            if not match:
                raise WeaveError(f"docs/your_own_program.md:{number}: write "
                                 f"\\listing{{PATH}}{{Caption}} alone on a line, got: {stripped}")
            try:
                page += file_listing(*match.groups(), root=root)
            except WeaveError as error:
                raise WeaveError(f"docs/your_own_program.md:{number}: {error}") from None
        else:
            def members(match, number=number):
                try:
                    return ", ".join(f"`.{f}`" for f in struct_fields(*match.groups(), root=root))
                except WeaveError as error:
                    raise WeaveError(f"docs/your_own_program.md:{number}: {error}") from None
            page.append(FIELDS.sub(members, text))
    (out_pages / "your_own_program.md").write_text("\n".join(page) + "\n")


def weave_figures(chapters, out_pages):
    previous = '\\ref your_own_program "← Your own program"'
    page = ["# Figures {#figures}", ""]
    page += nav_bar(previous, '\\ref reference "Library reference →"')
    count = sum(len(c.figures) for c in chapters)
    page += [f"All {count} figures of the book, each drawn by its chapter's program when the "
             "book was built. Click a figure to read it in its chapter.", ""]
    for chapter in chapters:
        if not chapter.figures:
            continue
        page += [f"## Chapter {chapter.number}: {chapter.title} {{#figures_{chapter.id}}}", "",
                 "\\htmlonly[block]", '<div class="figure-grid">']
        for label, number, caption, target, size in chapter.figures:
            dimensions = f' width="{size[0]}" height="{size[1]}"' if size else ""
            page += [f'<a class="figure-card" href="{chapter.page()}#{label}">',
                     f'<img src="{target}"{dimensions} alt="Figure {number}: '
                     f'{plain_text(caption)}"/>',
                     f'<span class="figure-card-caption"><span class="figure-number">Figure '
                     f"{number}</span> {inline_html(caption)}</span></a>"]
        page += ["</div>", "\\endhtmlonly", ""]
    if count == 0:
        page += ["No chapter has drawn a figure yet.", ""]
    (out_pages / "figures.md").write_text("\n".join(page) + "\n")


def doc_escape(text):
    """Plain text made safe for a Doxygen comment: no commands, tags or entities."""
    text = re.sub(r"([\\@<>&%#$])", r"\\\1", text)
    return re.sub(r"-{2,3}", lambda m: "\\" + m.group(0), text)  # not an en or em dash


def header_description(path):
    """The leading // comment of a lib/ header, as prose (or None)."""
    lines = []
    for line in path.read_text(errors="replace").splitlines():
        stripped = line.strip()
        if stripped == "#pragma once" or (not stripped and not lines):
            continue
        if stripped.startswith("//") and not stripped.startswith("///"):
            lines.append(stripped[2:].strip())
        else:
            break
    text = " ".join(l for l in lines if l)
    return text or None


def first_sentence(text):
    match = re.match(r"(.+?[.!?])(\s+[A-Z(\"]|$)", text)
    return match.group(1) if match else text


NAMESPACE = re.compile(r"^\s*namespace\s+([A-Za-z_][\w:]*)\s*\{", re.M)


def library_headers(lib):
    """Every public header under `lib` (the library folder), in folder order, as lib/... paths."""
    headers = [pathlib.Path("lib") / p.relative_to(lib) for p in lib.rglob("*.h")
               if not p.name.endswith("_test.h") and "testdata" not in p.parts]
    return sorted(headers, key=lambda p: (len(p.parts) > 2, str(p.parent), p.name))


def weave_reference(out_pages, lib):
    """The library reference's overview page and the documentation of files and namespaces."""
    text = (ROOT / "docs" / "reference.md").read_text()
    if "\\headers" not in text:
        raise WeaveError("docs/reference.md: no \\headers line for the list of headers")
    known = set(re.findall(r"\\namespace\s+([\w:]+)", (ROOT / "docs" / "namespaces.dox")
                           .read_text()))
    docs, listing, namespaces = [], [], set()
    folder = None
    for header in library_headers(lib):
        path = lib / header.relative_to("lib")
        source = path.read_text(errors="replace")
        namespaces.update(n for n in NAMESPACE.findall(source)
                          if not re.search(r"(^|::)(detail|internal|testing)(::|$)", n))
        description = header_description(path) or f"The header {header}."
        docs += [f"/** \\file {header}", doc_escape(description), "*/", ""]
        if header.parent != folder:
            folder = header.parent
            listing += ["", f"<h3 class=\"reference-folder\"><code>{folder}/</code></h3>", ""]
        listing.append(f"- <code>\\ref {header} \"{header.name}\"</code>: "
                       f"{doc_escape(first_sentence(description))}")
    for name in sorted(namespaces - known):
        docs += [f"/** \\namespace {name}", f"Part of the library; see its headers in the "
                 f"\\ref reference \"library reference\".", "*/", ""]
    nav = nav_bar('\\ref figures "← Figures"', "")
    text = text.replace("\\navigation", "\n".join(nav))
    (out_pages / "reference.md").write_text(text.replace("\\headers", "\n".join(listing)))
    shutil.copyfile(ROOT / "docs" / "namespaces.dox", out_pages / "namespaces.dox")
    (out_pages / "files.dox").write_text("\n".join(docs) + "\n")


def main():
    parser = argparse.ArgumentParser(description="Weave the book's pages for Doxygen.")
    parser.add_argument("--results", default="out", help="folder of the chapters' outputs")
    parser.add_argument("--fallback", help="outputs to use for chapters that --results lacks")
    parser.add_argument("--out", default="docs/build", help="where pages and images go")
    parser.add_argument("--lib", default="lib", help="the library whose headers are documented")
    parser.add_argument("--only", nargs="+", metavar="CHAPTER",
                        help="weave only these chapter folders (a preview while others are "
                             "still being written)")
    args = parser.parse_args()
    results_root = (ROOT / args.results).resolve()
    fallback_root = (ROOT / args.fallback).resolve() if args.fallback else None
    out = ROOT / args.out
    out_pages, out_images = out / "pages", out / "images"
    shutil.rmtree(out, ignore_errors=True)
    out_pages.mkdir(parents=True)
    out_images.mkdir(parents=True)
    build = Build()
    try:
        exercises = manifest.load()
        folders = sorted(p for p in (ROOT / "chapters").iterdir()
                         if p.is_dir() and re.match(r"\d\d_", p.name)
                         and (not args.only or p.name in args.only))
        if args.only and len(folders) != len(set(args.only)):
            raise WeaveError(f"--only {' '.join(args.only)}: not all are chapter folders")
        chapters = [Chapter(folder, results_root, fallback_root) for folder in folders]
        for chapter in chapters:
            chapter.exercises = [e for e in exercises if e["chapter"] == chapter.id]
        for chapter in chapters:
            weave_chapter(chapter, chapters, out_pages, out_images, build)
            weave_exercises(chapter, chapters, out_pages)
        weave_index(chapters, out_pages)
        weave_own_program(chapters, out_pages)
        weave_figures(chapters, out_pages)
        weave_reference(out_pages, (ROOT / args.lib).resolve())
    except (WeaveError, manifest.ManifestError) as error:
        sys.exit(f"weave: {error}")
    modes = {c.run.get("mode") for c in chapters}
    print(f"weave: {len(chapters)} chapter(s) ({', '.join(sorted(map(str, modes)))} runs) "
          f"from {args.results} -> {args.out}/pages")


if __name__ == "__main__":
    main()
