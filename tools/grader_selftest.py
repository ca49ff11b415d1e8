#!/usr/bin/python3
"""The grader's self-test: an exercise that crashes, hangs or throws fails on its own.

Copies the repository (the files git knows, new ones included; no bazel-* or out/) to a
folder of its own, turns chapter 1's stubs into the mistakes readers make:

  tlu                a null pointer written through      -> "crashed (SIGSEGV, ...)"
  perceptron_update  an endless loop                     -> "took over N s"
  xnor_network       throws std::runtime_error           -> "threw an exception: ..."
  perceptron_fit     calls abort()                       -> "crashed (SIGABRT, ...)"
  perceptron_as_sgd  the reference solution              -> pass, with its points

then runs `tools/grade.py perceptron --timeout N` there (its own Bazel output base; the disk
cache makes it quick) and checks the table. Exit status 0 when every row says what it must.

  grader_selftest.py [--timeout SECONDS] [--keep]
"""

import argparse
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CHAPTER = "01_perceptron"

INCLUDES = "#include <cstdlib>\n#include <stdexcept>\n"
MISTAKES = {
    # id: (statement put after each "// TODO" line of the stub, what the reason must say)
    "tlu": ("{ volatile int* volatile p = nullptr; *p = 1; }", r"crashed \(SIGSEGV"),
    "perceptron_update": ("for (volatile int spin = 0;; spin = spin + 1) {}", r"took over \d+ s"),
    "xnor_network": ('throw std::runtime_error("the stub gave up");',
                     r"threw an exception: the stub gave up"),
    "perceptron_fit": ("std::abort();", r"crashed \(SIGABRT"),
}
SOLVED = "perceptron_as_sgd"


def copy_repository(target):
    """Copies the files git knows (tracked and new, not ignored) from ROOT to `target`."""
    listing = subprocess.run(["git", "ls-files", "-z", "-c", "-o", "--exclude-standard"],
                             cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout
    count = 0
    for name in filter(None, listing.decode().split("\0")):
        source = ROOT / name
        if not source.is_file() or name.startswith(("bazel-", "out/")):
            continue
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination)
        count += 1
    return count


def plant_mistake(stub, statement):
    """Puts `statement` after every TODO comment of the stub (each is inside a function body)."""
    lines = stub.read_text().splitlines(keepends=True)
    out, planted = [], 0
    for line in lines:
        out.append(line)
        if "// TODO" in line:
            out.append(f"  {statement}\n")
            planted += 1
    if planted == 0:
        raise SystemExit(f"grader_selftest: no TODO in {stub}: cannot plant the mistake")
    stub.write_text(INCLUDES + "".join(out))


def rows(table):
    """{exercise id: (verdict, reason)} from the grader's table."""
    found = {}
    lines = table.splitlines()
    for number, line in enumerate(lines):
        match = re.match(r"^\s+\d+\.\d+\s+(\S+)\s.*\s(pass|FAIL)\s*$", line)
        if not match:
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        reason = following.strip() if following.startswith("        ") else ""
        found[match.group(1)] = (match.group(2), reason)
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=8, help="each exercise's time limit")
    parser.add_argument("--keep", action="store_true", help="keep the copy (for a look)")
    args = parser.parse_args()

    # One copy per repository folder, reused: its Bazel output base stays warm between runs.
    key = hashlib.md5(str(ROOT).encode()).hexdigest()[:10]
    copy = pathlib.Path(tempfile.gettempdir()) / f"nn-grader-selftest-{key}"
    if copy.exists():
        for child in copy.iterdir():
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    copy.mkdir(parents=True, exist_ok=True)
    print(f"grader_selftest: copied {copy_repository(copy)} files to {copy}")

    chapter = copy / "exercises" / CHAPTER
    for exercise, (statement, _) in MISTAKES.items():
        plant_mistake(chapter / f"{exercise}.cc", statement)
    shutil.copy2(copy / "solutions" / CHAPTER / f"{SOLVED}.cc", chapter / f"{SOLVED}.cc")

    env = dict(os.environ, NN_GRADE_TIMEOUT=str(args.timeout))
    result = subprocess.run([sys.executable, "tools/grade.py", "perceptron"], cwd=copy, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    subprocess.run(["bazel", "shutdown"], cwd=copy, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    print(result.stdout)

    table = rows(result.stdout)
    problems = []
    for exercise, (_, expected) in MISTAKES.items():
        verdict, reason = table.get(exercise, ("missing", ""))
        if verdict != "FAIL" or not re.search(expected, reason):
            problems.append(f"{exercise}: expected FAIL with /{expected}/, got {verdict}: "
                            f"'{reason}'")
    verdict, reason = table.get(SOLVED, ("missing", ""))
    if verdict != "pass":
        problems.append(f"{SOLVED} (the reference solution): expected pass, got {verdict} "
                        f"'{reason}'")
    if not re.search(r"^Score: \d+/\d+ points$", result.stdout, re.M):
        problems.append("no 'Score: X/Y points' line")
    if re.search(r"^Score: 0/", result.stdout, re.M):
        problems.append("the solved exercise earned no points")
    if result.returncode != 1:
        problems.append(f"grade.py exited {result.returncode}, expected 1 (some exercises fail)")
    if not args.keep:
        shutil.rmtree(copy, ignore_errors=True)
    for problem in problems:
        print(f"grader_selftest: FAIL: {problem}")
    if problems:
        return 1
    print("grader_selftest: ok: a crash (SIGSEGV), an abort, an endless loop and an exception "
          "each failed alone, with its reason; the solved exercise passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
