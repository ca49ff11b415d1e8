#!/usr/bin/python3
"""The grader: runs the exercise tests through Bazel and prints a score table.

  grade.py [WORD] [--solutions]   WORD: an exercise id, a chapter ('perceptron', '01'), or all
  grade.py --stub-check           every shipped stub and every shipped mistake
                                  (exercises/*/mistakes/) must compile and fail its tests
  grade.py --timeout SECONDS ...  the time limit of each exercise's tests (default 30 s, or
                                  $NN_GRADE_TIMEOUT)

Each exercise is one Bazel test; `--keep_going` lets one that does not compile, crashes or
hangs (Bazel's --test_timeout) fail on its own while the others are graded, and the table
says which: "does not compile", "crashed (SIGSEGV ...)", "took over 30 s", "threw ...".
tools/grader_selftest.py proves it.
"""

import argparse
import os
import pathlib
import re
import subprocess
import sys

import manifest

ROOT = manifest.ROOT
TIMEOUT_SECONDS = int(os.environ.get("NN_GRADE_TIMEOUT", "30"))
STATUS = re.compile(r"^(//\S+)\s+(?:\(cached\) )?(PASSED|FAILED TO BUILD|FAILED|TIMEOUT|NO STATUS"
                    r"|FLAKY|INCOMPLETE)")
COMPILER_ERROR = re.compile(r"^(\S+:\d+:\d+: (?:fatal )?error: .*)$")
TTY = sys.stdout.isatty()


def color(text, code):
    return f"\033[{code}m{text}\033[0m" if TTY else text


def run_bazel_tests(targets, timeout=None, options=()):
    """Runs `targets` (with Bazel `options`); returns ({target: status}, bazel's output)."""
    timeout = timeout or TIMEOUT_SECONDS
    command = ["bazel", "test", "--keep_going", "--test_output=summary",
               f"--test_timeout={timeout}", "--color=no", "--curses=no", *options, *targets]
    result = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)
    statuses = {}
    for line in result.stdout.splitlines():
        match = STATUS.match(line.strip())
        if match:
            statuses[match.group(1)] = match.group(2)
    return statuses, result.stdout


def first_compiler_error(output, exercise):
    """The first compiler error for this exercise's files, and the few lines after it."""
    lines = output.splitlines()
    prefix = f"exercises/{exercise['chapter']}/{exercise['id']}"
    for number, line in enumerate(lines):
        match = COMPILER_ERROR.match(line)
        if match and (line.startswith(prefix) or line.startswith("solutions/")):
            context = [l for l in lines[number + 1:number + 4]
                       if not l.startswith(("ERROR:", "INFO:", "Target"))]
            return "\n".join([match.group(1)] + context)
    for line in lines:
        if COMPILER_ERROR.match(line):
            return line
    return "it does not compile (run the command below to see Bazel's output)"


def first_failure(log_path):
    """(summary line, details) of the first failed check in a Catch2 log."""
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return "no test log", ""
    lines = text.splitlines()
    test_case = ""
    for number, line in enumerate(lines):
        # Catch2 prints a test case's name between two rules of dashes.
        if (line.startswith("-----") and number + 2 < len(lines)
                and lines[number + 2].startswith("-----")):
            test_case = lines[number + 1].strip()
        if line.rstrip().endswith("FAILED:"):
            block = [line]
            for following in lines[number + 1:]:
                if following.startswith(("-----", "=====")) or (following.rstrip().endswith("FAILED:")):
                    break
                block.append(following)
            details = "\n".join(l for l in block if l.strip())
            summary = summarize(block)
            return f"{test_case}: {summary}" if test_case else summary, details
    thrown = re.search(r"terminate called after throwing an instance of '([^']*)'\s*"
                       r"(?:what\(\):\s*([^\n]*))?", text)
    if thrown:
        message = f": {thrown.group(2).strip()}" if thrown.group(2) else ""
        return f"threw {thrown.group(1)}{message} (outside any test case)", ""
    crash = re.search(r"\b(SIG[A-Z]+)\b", text)
    if crash:
        return crashed(crash.group(1)), ""
    return "failed (see the log)", ""


# What a signal usually means in an exercise.
SIGNALS = {
    "SIGSEGV": "a segmentation fault: a null or dangling pointer, or an index out of range?",
    "SIGABRT": "aborted: abort(), a failed assert, or an exception thrown past noexcept?",
    "SIGFPE": "an arithmetic fault: an integer divided by zero?",
    "SIGBUS": "a bus error: a bad pointer?",
    "SIGILL": "an illegal instruction: a function that returns no value?",
}


def crashed(signal):
    """The reason for a test killed by `signal` ("SIGSEGV")."""
    meaning = SIGNALS.get(signal)
    return f"crashed ({signal}, {meaning})" if meaning else f"crashed ({signal})"


def summarize(block):
    """One line from a Catch2 failure block: the check and what it got."""
    body = [l.strip() for l in block[1:] if l.strip()]
    if "due to unexpected exception with message:" in body:
        index = body.index("due to unexpected exception with message:")
        message = body[index + 1] if index + 1 < len(body) else ""
        return f"threw an exception: {message}"
    if "due to a fatal error condition:" in body:
        index = body.index("due to a fatal error condition:")
        condition = body[index + 1] if index + 1 < len(body) else ""
        signal = re.match(r"(SIG[A-Z]+)", condition)
        return crashed(signal.group(1)) if signal else f"crashed: {condition}"
    check = body[0] if body else ""
    if "with expansion:" in body:
        index = body.index("with expansion:")
        got = body[index + 1] if index + 1 < len(body) else ""
        return f"{check} is {got}"
    return check


def stars(count):
    return "★" * count + "☆" * (3 - count)


def exercise_number(exercises, exercise):
    same = [e for e in exercises if e["chapter"] == exercise["chapter"]]
    return f"{int(exercise['chapter'].split('_')[0])}.{same.index(exercise) + 1}"


def edited(path):
    """True when git says `path` differs from the last commit (False outside git)."""
    result = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", path], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return result.returncode == 1


def grade(exercises, all_exercises, kind, quiet=False):
    """Grades `exercises`; prints the table; returns (points earned, points possible, results)."""
    targets = [manifest.target(e, kind) for e in exercises]
    if not quiet:
        print(f"Grading {len(targets)} exercise(s) "
              f"({'reference solutions' if kind == 'solution' else 'your code'}); "
              "a first run compiles the library and takes a few minutes...", flush=True)
    statuses, output = run_bazel_tests(targets)
    results = []
    for exercise, target in zip(exercises, targets):
        status = statuses.get(target, "NO STATUS")
        reason, details = "", ""
        if status == "FAILED TO BUILD":
            details = first_compiler_error(output, exercise)
            reason = "does not compile: " + details.splitlines()[0]
        elif status == "TIMEOUT":
            reason = f"took over {TIMEOUT_SECONDS} s and was stopped (an endless loop?)"
        elif status in ("FAILED", "FLAKY", "INCOMPLETE"):
            package, name = target[2:].split(":")
            reason, details = first_failure(ROOT / "bazel-testlogs" / package / name / "test.log")
        elif status == "NO STATUS":
            reason = "was not run (a build error elsewhere?)"
            details = "\n".join(l for l in output.splitlines() if l.startswith("ERROR"))[:2000]
        results.append((exercise, status == "PASSED", reason, details))
    if not quiet:
        print_table(results, all_exercises, kind)
    earned = sum(e["points"] for e, passed, _, _ in results if passed)
    possible = sum(e["points"] for e in exercises)
    return earned, possible, results


def print_table(results, all_exercises, kind):
    width = max(len(e["title"]) for e, *_ in results)
    ids = max(len(e["id"]) for e, *_ in results)
    print()
    print(f"  {'#':5} {'id':{ids}}  {'title':{width}}  stars  points  result")
    for exercise, passed, reason, _ in results:
        number = exercise_number(all_exercises, exercise)
        points = f"{exercise['points'] if passed else 0}/{exercise['points']}"
        verdict = color("pass", "32") if passed else color("FAIL", "31")
        line = (f"  {number:5} {exercise['id']:{ids}}  {exercise['title']:{width}}  "
                f"{stars(exercise['stars'])}    {points:>6}  {verdict}")
        print(line)
        if not passed and reason:
            print(f"        {reason[:200]}")
    done = sum(1 for _, passed, *_ in results if passed)
    print(f"\n{done} of {len(results)} exercises done")
    failing = [(e, details) for e, passed, _, details in results if not passed]
    if failing and kind == "exercise":
        exercise, details = failing[0]
        print(f"\nNext: exercise {exercise_number(all_exercises, exercise)} '{exercise['id']}' "
              f"in {manifest.stub_file(exercise)}")
        if details:
            print("\n" + "\n".join("    " + l for l in details.splitlines()[:12]))
        print(f"\n  ./book hint {exercise['id']}     a hint"
              f"\n  ./book watch {exercise['id']}    re-grade each time you save")
    for exercise, *_ in results:
        test_file = f"exercises/{exercise['chapter']}/{exercise['id']}_test.cc"
        if edited(test_file):
            print(color(f"note: {test_file} differs from the book's; grades count only with "
                        "the original tests", "33"))


def first_mistake_error(output, mistake):
    """The first compiler error in a mistake's file (or the first one at all)."""
    for line in output.splitlines():
        if COMPILER_ERROR.match(line) and line.startswith(mistake["file"]):
            return line
    return next((l for l in output.splitlines() if COMPILER_ERROR.match(l)),
                "it does not compile")


def stub_check(exercises, timeout=None):
    """Every shipped stub and every shipped mistake (exercises/*/mistakes/) compiles and fails
    its exercise's tests; stubs the reader edited are skipped. One Bazel invocation builds and
    runs them all, in parallel; Catch2's --abort stops each test binary at its first failure,
    since one failure is all the check needs. Returns True when every check passed."""
    shipped = [e for e in exercises if not edited(manifest.stub_file(e))]
    skipped = len(exercises) - len(shipped)
    wrong = [(e, m) for e in exercises for m in manifest.mistakes(e)]
    targets = ([manifest.target(e, "exercise") for e in shipped]
               + [m["target"] for _, m in wrong])
    passed = failed = 0
    if targets:
        # Tests run two at a time beside a build; a stub that hangs still fails, just later.
        statuses, output = run_bazel_tests(targets, timeout=max(timeout or TIMEOUT_SECONDS, 120),
                                           options=["--test_arg=--abort"])
        for exercise in shipped:
            status = statuses.get(manifest.target(exercise, "exercise"), "NO STATUS")
            if status == "FAILED":
                passed += 1
                print(f"  ok    stub of '{exercise['id']}' compiles and fails its tests")
            else:
                failed += 1
                why = {"PASSED": "passes its tests: the tests cannot tell a stub from a solution",
                       "FAILED TO BUILD": "does not compile: " + first_compiler_error(output, exercise),
                       "TIMEOUT": "hangs"}.get(status, status)
                print(f"  FAIL  stub of '{exercise['id']}' {why}")
        for exercise, mistake in wrong:
            status = statuses.get(mistake["target"], "NO STATUS")
            name = f"{exercise['id']}.{mistake['slug']}"
            if status == "FAILED":
                passed += 1
                print(f"  ok    mistake {name} compiles and fails its tests")
            else:
                failed += 1
                why = {"PASSED": "passes the tests: they do not catch this mistake ("
                                 + mistake["summary"] + ")",
                       "FAILED TO BUILD": "does not compile: " + first_mistake_error(output, mistake),
                       "TIMEOUT": "hangs"}.get(status, status)
                print(f"  FAIL  mistake {name} {why}")
    if skipped:
        print(f"  ({skipped} stub(s) you edited were not checked)")
    print(f"stub-check: {passed} passed, {failed} failed "
          f"({len(shipped)} stubs, {len(wrong)} mistakes)")
    return failed == 0


def main():
    global TIMEOUT_SECONDS
    parser = argparse.ArgumentParser(description="Grade the book's exercises.")
    parser.add_argument("word", nargs="?", help="an exercise id or a chapter; all by default")
    parser.add_argument("--solutions", action="store_true", help="grade the reference solutions")
    parser.add_argument("--stub-check", action="store_true", help="check that every stub and every mistake fails")
    parser.add_argument("--quiet", action="store_true", help="print only the score line")
    parser.add_argument("--first-failing", action="store_true",
                        help="print the id of the first exercise that does not pass yet")
    parser.add_argument("--after", metavar="ID", help="with --first-failing: start after ID")
    parser.add_argument("--timeout", type=int, metavar="SECONDS",
                        help=f"time limit of each exercise's tests (default {TIMEOUT_SECONDS})")
    args = parser.parse_args()
    if args.timeout:
        TIMEOUT_SECONDS = args.timeout
    try:
        all_exercises = manifest.load()
        chosen = manifest.select(all_exercises, args.word)
    except manifest.ManifestError as error:
        sys.exit(f"grade: {error}")
    if args.stub_check:
        sys.exit(0 if stub_check(chosen) else 1)
    if args.first_failing:
        ids = [e["id"] for e in chosen]
        start = ids.index(args.after) + 1 if args.after in ids else 0
        candidates = chosen[start:] + chosen[:start]
        _, _, results = grade(candidates, all_exercises, "exercise", quiet=True)
        print(next((e["id"] for e, passed, *_ in results if not passed), ""))
        return
    kind = "solution" if args.solutions else "exercise"
    earned, possible, results = grade(chosen, all_exercises, kind, quiet=args.quiet)
    print(f"Score: {earned}/{possible} points")
    sys.exit(0 if all(passed for _, passed, *_ in results) else 1)


if __name__ == "__main__":
    main()
