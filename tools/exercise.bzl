"""Graded exercises: one test file, two tests.

In exercises/NN_name/BUILD, `exercise(name = "step_function", deps = [...])` expects
step_function.h (the statement and declarations), step_function.cc (the reader's stub) and
step_function_test.cc (Catch2 tests the reader must not edit), and makes:

  :step_function_solution_test  the tests linked with solutions/NN_name/step_function.cc;
                                part of `bazel test //...` and `./book test`: must pass.
  :step_function_exercise_test  the same tests linked with the reader's file; tagged manual
                                so `//...` leaves it out; `./book grade` runs it, and
                                `./book test` checks that the shipped stub fails it.
  :step_function_mistake_<slug>_test
                                one per plausible wrong solution
                                mistakes/step_function.<slug>.cc (a whole replacement of the
                                stub whose first line is `// Mistake: <what is wrong>`); the
                                same tests linked with it, tagged manual; `./book test`
                                checks that each one compiles and fails them.

In solutions/NN_name/BUILD, `solution(name = "step_function", deps = [...])` compiles the
reference implementation against the same header.
"""

def _chapter():
    return native.package_name().split("/")[-1]

def exercise(name, deps = [], test_deps = [], data = [], size = "small"):
    """Makes an exercise's header library, the reader's library and its two tests.

    deps: what the header and the code use; test_deps: what only the tests use (test
    helpers, fixtures); data: files the tests read, by workspace path.
    """
    chapter = _chapter()
    native.cc_library(
        name = name + "_statement",
        hdrs = [name + ".h"],
        deps = deps,
        visibility = ["//solutions/" + chapter + ":__pkg__"],
    )
    native.cc_library(
        name = name,
        srcs = [name + ".cc"],
        deps = [":" + name + "_statement"] + deps,
    )

    # The test cases are compiled once and linked into both tests.
    native.cc_library(
        name = name + "_tests",
        srcs = [name + "_test.cc"],
        deps = [":" + name + "_statement", "@catch2"] + deps + test_deps,
        alwayslink = True,
        testonly = True,
    )
    native.cc_test(
        name = name + "_solution_test",
        size = size,
        data = data,
        deps = [
            ":" + name + "_tests",
            "//solutions/%s:%s" % (chapter, name),
            "//tools:catch_main",
        ],
    )
    native.cc_test(
        name = name + "_exercise_test",
        size = size,
        data = data,
        tags = ["manual", "exercise"],
        deps = [
            ":" + name + "_tests",
            ":" + name,
            "//tools:catch_main",
        ],
    )

    # A plausible wrong solution the tests must catch, per file mistakes/<name>.<slug>.cc.
    prefix = "mistakes/" + name + "."
    for path in native.glob([prefix + "*.cc"]):
        slug = path[len(prefix):-len(".cc")]
        native.cc_library(
            name = name + "_mistake_" + slug,
            srcs = [path],
            deps = [":" + name + "_statement"] + deps,
            tags = ["manual"],
            testonly = True,
        )
        native.cc_test(
            name = name + "_mistake_" + slug + "_test",
            size = size,
            data = data,
            tags = ["manual", "mistake"],
            deps = [
                ":" + name + "_tests",
                ":" + name + "_mistake_" + slug,
                "//tools:catch_main",
            ],
        )

def solution(name, deps = []):
    """Makes the reference implementation of one exercise, against the exercise's header."""
    chapter = _chapter()
    native.cc_library(
        name = name,
        srcs = [name + ".cc"],
        deps = ["//exercises/%s:%s_statement" % (chapter, name)] + deps,
        visibility = ["//exercises/" + chapter + ":__pkg__"],
    )
