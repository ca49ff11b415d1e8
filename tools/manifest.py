#!/usr/bin/python3
"""The exercise manifest (exercises/manifest.toml): reading and checking it."""

import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIELDS = {"id": str, "chapter": str, "title": str, "stars": int, "points": int, "hint": str}
# A plausible wrong solution: exercises/<chapter>/mistakes/<id>.<slug>.cc, first line
# "// Mistake: <one line naming the mistake>" (tools/exercise.bzl makes its test).
MISTAKE_FILE = re.compile(r"^(?P<id>[a-z0-9_]+)\.(?P<slug>[a-z0-9]+(?:_[a-z0-9]+)*)\.cc$")
MISTAKE_LINE = re.compile(r"^// Mistake: (?P<summary>\S.*)$")


class ManifestError(Exception):
    """The manifest is malformed or names files that are not there."""


def load(root=ROOT):
    """Returns the exercises in course order as dicts; raises ManifestError naming the problem."""
    path = root / "exercises" / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ManifestError(f"{path}: {error}") from error
    # Course order: by chapter, and within a chapter in the order of the file (a stable
    # sort), so chapters may add their entries anywhere in the file.
    exercises = sorted(data.get("exercise", []), key=lambda e: str(e.get("chapter", "")))
    seen = set()
    for number, exercise in enumerate(exercises, start=1):
        where = f"{path}: exercise {number}"
        for field, kind in FIELDS.items():
            if not isinstance(exercise.get(field), kind):
                raise ManifestError(f"{where}: field '{field}' must be a {kind.__name__}")
        if exercise["id"] in seen:
            raise ManifestError(f"{where}: id '{exercise['id']}' used twice")
        seen.add(exercise["id"])
        if not 1 <= exercise["stars"] <= 3:
            raise ManifestError(f"{where}: stars must be 1, 2 or 3")
        for name in stub_files(exercise) + [solution_file(exercise)]:
            if not (root / name).is_file():
                raise ManifestError(f"{where} ('{exercise['id']}'): missing file {name}")
    check_mistakes(exercises, root)
    return exercises


def check_mistakes(exercises, root=ROOT):
    """Every file under exercises/*/mistakes/ is <id>.<slug>.cc of an exercise of that chapter
    and starts with "// Mistake: ..."; raises ManifestError naming the file otherwise."""
    ids = {(e["chapter"], e["id"]) for e in exercises}
    for path in sorted((root / "exercises").glob("*/mistakes/*")):
        name = path.relative_to(root)
        match = MISTAKE_FILE.match(path.name)
        if not match:
            raise ManifestError(f"{name}: a mistake is named <exercise id>.<snake_case_slug>.cc")
        if (path.parent.parent.name, match.group("id")) not in ids:
            raise ManifestError(f"{name}: no exercise '{match.group('id')}' in chapter "
                                f"{path.parent.parent.name} of the manifest")
        first = path.read_text().splitlines()[:1]
        if not first or not MISTAKE_LINE.match(first[0]):
            raise ManifestError(f"{name}:1: the first line must be "
                                "'// Mistake: <one line naming the mistake>'")


def mistakes(exercise, root=ROOT):
    """The exercise's plausible wrong solutions, by file name: dicts with 'file' (relative to
    the root), 'slug', 'summary' (the first line's text), 'code' (the rest) and 'target'."""
    folder = root / "exercises" / exercise["chapter"] / "mistakes"
    found = []
    for path in sorted(folder.glob(exercise["id"] + ".*.cc")):
        match = MISTAKE_FILE.match(path.name)
        if not match or match.group("id") != exercise["id"]:
            continue
        lines = path.read_text().splitlines()
        summary = MISTAKE_LINE.match(lines[0]).group("summary") if lines else ""
        slug = match.group("slug")
        found.append({
            "file": str(path.relative_to(root)), "slug": slug, "summary": summary.strip(),
            "code": "\n".join(lines[1:]).strip("\n"),
            "target": f"//exercises/{exercise['chapter']}:{exercise['id']}_mistake_{slug}_test",
        })
    return found


def stub_files(exercise):
    """The reader's files of an exercise: header, stub and tests, relative to the root."""
    base = f"exercises/{exercise['chapter']}/{exercise['id']}"
    return [base + ".h", base + ".cc", base + "_test.cc"]


def stub_file(exercise):
    """The file the reader edits."""
    return f"exercises/{exercise['chapter']}/{exercise['id']}.cc"


def solution_file(exercise):
    """The reference solution."""
    return f"solutions/{exercise['chapter']}/{exercise['id']}.cc"


def target(exercise, kind):
    """The Bazel test of an exercise; kind is 'exercise' or 'solution'."""
    return f"//exercises/{exercise['chapter']}:{exercise['id']}_{kind}_test"


def chapter_matches(chapter, word):
    """True when `word` names the chapter: '01_perceptron', '01', '1', 'perceptron', or the
    start of its name ('classification' for 04_classification_mlp)."""
    number, _, name = chapter.partition("_")
    return (word in (chapter, number, name) or (word.isdigit() and int(word) == int(number))
            or (len(word) >= 3 and not word.isdigit() and name.startswith(word)))


def select(exercises, word):
    """The exercises that `word` names: an exercise id, a chapter, or everything for None."""
    if word is None:
        return exercises
    by_id = [e for e in exercises if e["id"] == word]
    if by_id:
        return by_id
    by_chapter = [e for e in exercises if chapter_matches(e["chapter"], word)]
    if by_chapter:
        return by_chapter
    known = ", ".join(sorted({e["chapter"] for e in exercises}))
    raise ManifestError(f"no exercise or chapter called '{word}' (chapters: {known})")


def main():
    """Checks the manifest; --hint ID prints a hint, --stub ID the file a reader edits."""
    import argparse
    parser = argparse.ArgumentParser(description="Read the exercise manifest.")
    parser.add_argument("--hint", metavar="ID")
    parser.add_argument("--stub", metavar="ID")
    args = parser.parse_args()
    try:
        exercises = load()
        wanted = args.hint or args.stub
        if wanted:
            found = [e for e in exercises if e["id"] == wanted]
            if not found:
                known = " ".join(e["id"] for e in exercises)
                raise ManifestError(f"no exercise '{wanted}' (exercises: {known})")
            if args.hint:
                print(f"Hint for '{wanted}' ({found[0]['title']}):\n{found[0]['hint'].strip()}")
            else:
                print(stub_file(found[0]))
            return
        points = sum(e["points"] for e in exercises)
        wrong = sum(len(mistakes(e)) for e in exercises)
        print(f"manifest: {len(exercises)} exercises, {points} points, {wrong} mistakes")
    except ManifestError as error:
        sys.exit(f"manifest: {error}")


if __name__ == "__main__":
    main()
