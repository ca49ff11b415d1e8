#!/usr/bin/python3
"""Weaves the book: each chapter program becomes a Markdown page for Doxygen.

A chapter file (chapters/NN_name/name.cc) is the single source of its page:

  /// # The perceptron              the page title (first prose line)
  /// Prose in Markdown, maths in \\f$ ... \\f$.
  /// \\result{iris_accuracy|.1%}    a value from the run's results.json (format optional)
  /// \\output{iris}                 the text the program printed in section "iris"
  /// \\figure{boundary.svg}{Caption} a figure the program wrote
  /// \\runtime                      how long the chapter's program takes, as measured
  code ...                          code between prose blocks is shown as a listing,
  // book:hide ... // book:show     except what sits between these two markers

Every directive must resolve: a missing key, section or figure is an error naming the file
and line, so a page can never show a blank where a number should be.

  weave.py --results out [--fallback out/quick] [--out docs/build]
"""

import argparse
import html
import json
import pathlib
import re
import shutil
import sys

import manifest

ROOT = manifest.ROOT
RESULT = re.compile(r"\\result\{([^}|]+)(?:\|([^}]*))?\}")
OUTPUT = re.compile(r"^\\output\{(\w+)\}$")
FIGURE = re.compile(r"^\\figure\{([^}]+)\}\{([^}]*)\}$")


class WeaveError(Exception):
    """A chapter or exercise cannot be woven; the message names the file and line."""


class Chapter:
    """One chapter: its folder, source file, number, title and run outputs."""

    def __init__(self, folder, results_root, fallback_root):
        self.id = folder.name                          # 01_perceptron
        self.number = int(self.id.split("_")[0])       # 1
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
        self.figures = []                              # (label, number, caption)


def read_json(path):
    try:
        return json.loads(path.read_text())
    except OSError:
        raise WeaveError(f"{path}: missing; run the chapter first (./book run)") from None
    except json.JSONDecodeError as error:
        raise WeaveError(f"{path}: not valid JSON: {error}") from None


def lookup(results, key):
    """results['a']['b'][0] for the key 'a.b.0'."""
    value = results
    for part in key.split("."):
        if isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise KeyError(key)
    return value


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
    """Joins a \\figure{...}{...} that clang-format wrapped over several lines into one."""
    joined = []
    for number, text in lines:
        if joined and joined[-1][1].lstrip().startswith("\\figure{") and (
                joined[-1][1].count("{") > joined[-1][1].count("}")):
            joined[-1] = (joined[-1][0], joined[-1][1].rstrip() + " " + text.strip())
        else:
            joined.append((number, text))
    return joined


def weave_prose(chapter, lines, out_images):
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
        if match := FIGURE.match(stripped):
            name, caption = match.groups()
            source = chapter.results_dir / name
            if not source.is_file():
                raise WeaveError(f"{where}: the program wrote no figure '{name}' ({source})")
            target = f"{chapter.id}_{name}"
            shutil.copyfile(source, out_images / target)
            figure_number = f"{chapter.number}.{len(chapter.figures) + 1}"
            label = f"fig{chapter.id}_{len(chapter.figures) + 1}"
            chapter.figures.append((label, figure_number, caption))
            output += [f"\\anchor {label}",
                       f'\\image html {target} "Figure {figure_number}: {caption}"', ""]
            continue
        if stripped == "\\runtime":
            output.append(runtime_sentence(chapter))
            continue

        def substitute(match, where=where):
            try:
                return format_value(lookup(chapter.results, match.group(1)), match.group(2))
            except KeyError:
                raise WeaveError(f"{where}: results.json has no '{match.group(1)}'") from None
            except (ValueError, TypeError) as error:
                raise WeaveError(f"{where}: cannot format '{match.group(1)}': {error}") from None

        output.append(RESULT.sub(substitute, text))
    return output


def runtime_sentence(chapter):
    seconds = chapter.run.get("seconds", 0.0)
    return (f"On the machine that built this page, the program's {chapter.run.get('mode', '?')} "
            f"run took {seconds:.1f} s.")


def weave_chapter(chapter, chapters, out_pages, out_images):
    lines = chapter.source.read_text().splitlines()
    blocks = split_blocks(lines)
    rel = chapter.source.relative_to(ROOT)
    page = [f"# Chapter {chapter.number}: {chapter.title} {{#{chapter.label}}}", ""]
    page += navigation(chapter, chapters)
    first = True
    for kind, _, block in blocks:
        if kind == "prose":
            if first:
                block = block[1:]  # the title line
                first = False
            page += [""] + weave_prose(chapter, block, out_images)
        elif kind == "code":
            while block and not block[0][1].strip():
                block = block[1:]
            while block and not block[-1][1].strip():
                block = block[:-1]
            if block:
                start, end = block[0][0], block[-1][0]
                page += ["", "```{.cpp}", *[text for _, text in block], "```",
                         f'<div class="listing-source">{rel}, lines {start}–{end}</div>', ""]
    if any(e["chapter"] == chapter.id for e in manifest.load()):
        page += ["", f"## Exercises", "",
                 f"Graded exercises for this chapter: \\subpage {chapter.exercises_label}.", ""]
    page += produced(chapter)
    page += navigation(chapter, chapters)
    (out_pages / f"{chapter.id}.md").write_text("\n".join(page) + "\n")


def navigation(chapter, chapters):
    index = chapters.index(chapter)
    previous = (f'\\ref {chapters[index - 1].label} "← Chapter {chapters[index - 1].number}: '
                f'{chapters[index - 1].title}"' if index > 0 else '\\ref index "← Contents"')
    following = (f'\\ref {chapters[index + 1].label} "Chapter {chapters[index + 1].number}: '
                 f'{chapters[index + 1].title} →"' if index + 1 < len(chapters)
                 else '\\ref figures "Figures →"')
    return ['<div class="chapter-nav">', f"<span>{previous}</span>",
            '<span>\\ref index "Contents"</span>', f"<span>{following}</span>", "</div>", ""]


def produced(chapter):
    run = chapter.run
    command = f"bazel run //chapters/{chapter.id}" + (" -- --quick" if run.get("mode") == "quick"
                                                        else "")
    return ['<div class="produced">',
            f"Every number, printed output and figure on this page was produced by "
            f"<code>{html.escape(command)}</code> (seed {run.get('seed')}, "
            f"{run.get('mode')} run, {run.get('seconds', 0):.1f} s) on {run.get('date')}.",
            "</div>", ""]


def exercise_statement(exercise):
    """The header's leading /// block (without \\file) and its declarations."""
    header = ROOT / manifest.stub_files(exercise)[0]
    statement, declarations = [], []
    for line in header.read_text().splitlines():
        if line.startswith("///") and not declarations:
            text = line[4:] if line.startswith("/// ") else line[3:]
            if text.strip() != "\\file":
                statement.append(text)
        elif line.strip() and line.strip() != "#pragma once":
            declarations.append(line)
    heading = [l for l in statement if l.startswith("# ")]
    body = [l for l in statement if not l.startswith("# ")]
    return (heading[0][2:] if heading else exercise["title"]), body, declarations


def weave_exercises(chapter, exercises, out_pages):
    mine = [e for e in exercises if e["chapter"] == chapter.id]
    if not mine:
        return
    short = chapter.id.split("_", 1)[1]
    page = [f"# Exercises of chapter {chapter.number} {{#{chapter.exercises_label}}}", "",
            f"Back to \\ref {chapter.label} \"Chapter {chapter.number}: {chapter.title}\".", "",
            f"Edit the files under <code>exercises/{chapter.id}/</code>, then grade them with "
            f"<code>./book grade {short}</code> (or one exercise with <code>./book grade ID</code>, "
            f"or <code>./book watch ID</code> to re-grade on every save). The tests are in the "
            f"<code>_test.cc</code> files beside your code; do not edit them.", ""]
    total = sum(e["points"] for e in mine)
    page.append(f"{len(mine)} exercises, {total} points.")
    page.append("")
    for exercise in mine:
        heading, body, declarations = exercise_statement(exercise)
        page += [f"## {heading}", "",
                 f"<b>Difficulty</b> {'★' * exercise['stars']}{'☆' * (3 - exercise['stars'])}"
                 f" &nbsp; <b>Points</b> {exercise['points']} &nbsp; <b>Edit</b> "
                 f"<code>{manifest.stub_file(exercise)}</code> &nbsp; <b>Grade</b> "
                 f"<code>./book grade {exercise['id']}</code>", "", *body, "",
                 "```{.cpp}", *declarations, "```", "",
                 "\\htmlonly", '<details class="hint"><summary>Hint (click)</summary><p>',
                 html.escape(exercise["hint"].strip()), "</p></details>", "\\endhtmlonly", ""]
    (out_pages / f"{chapter.id}_exercises.md").write_text("\n".join(page) + "\n")


def weave_index(chapters, out_pages):
    main = (ROOT / "docs" / "mainpage.md").read_text()
    toc = []
    for chapter in chapters:
        toc.append(f"{chapter.number}. \\subpage {chapter.label}")
    toc.append(f"{len(chapters) + 1}. \\subpage figures")
    if "\\chapters" not in main:
        raise WeaveError("docs/mainpage.md: no \\chapters line for the table of contents")
    (out_pages / "index.md").write_text(main.replace("\\chapters", "\n".join(toc)))


def weave_figures(chapters, out_pages):
    page = ["# Figures {#figures}", "", "Every figure of the book, as its chapter's program "
            "drew it.", "", "| Figure | Chapter | Caption |", "|---|---|---|"]
    for chapter in chapters:
        for label, number, caption in chapter.figures:
            page.append(f"| \\ref {label} \"{number}\" | \\ref {chapter.label} "
                        f"\"{chapter.title}\" | {caption} |")
    (out_pages / "figures.md").write_text("\n".join(page) + "\n")


def main():
    parser = argparse.ArgumentParser(description="Weave the book's pages for Doxygen.")
    parser.add_argument("--results", default="out", help="folder of the chapters' outputs")
    parser.add_argument("--fallback", help="outputs to use for chapters that --results lacks")
    parser.add_argument("--out", default="docs/build", help="where pages and images go")
    args = parser.parse_args()
    results_root = (ROOT / args.results).resolve()
    fallback_root = (ROOT / args.fallback).resolve() if args.fallback else None
    out = ROOT / args.out
    out_pages, out_images = out / "pages", out / "images"
    shutil.rmtree(out, ignore_errors=True)
    out_pages.mkdir(parents=True)
    out_images.mkdir(parents=True)
    try:
        exercises = manifest.load()
        folders = sorted(p for p in (ROOT / "chapters").iterdir()
                         if p.is_dir() and re.match(r"\d\d_", p.name))
        chapters = [Chapter(folder, results_root, fallback_root) for folder in folders]
        for chapter in chapters:
            weave_chapter(chapter, chapters, out_pages, out_images)
            weave_exercises(chapter, exercises, out_pages)
        weave_index(chapters, out_pages)
        weave_figures(chapters, out_pages)
    except (WeaveError, manifest.ManifestError) as error:
        sys.exit(f"weave: {error}")
    print(f"weave: {len(chapters)} chapter(s) from {args.results} -> {args.out}/pages")


if __name__ == "__main__":
    main()
