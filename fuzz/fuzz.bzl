"""Fuzz targets: one harness, two programs.

`fuzz_target(name = "csv_fuzzer", srcs = [...], deps = [...])` makes

  :csv_fuzzer              the libFuzzer program; tagged manual, built only with clang and
                           --config=fuzz (`./book fuzz csv` builds and runs it);
  :csv_fuzzer_corpus_test  the same harness run once on every file of corpus/csv_fuzzer/ (the
                           seeds and every crash ever found) by an ordinary main(): part of
                           `bazel test //...`, and of the sanitizer run (--config=asan).
"""

def fuzz_target(name, srcs, deps = []):
    native.cc_binary(
        name = name,
        srcs = srcs,
        deps = deps + ["//fuzz:fuzz_util"],
        linkopts = ["-fsanitize=fuzzer"],
        tags = ["manual", "fuzz"],
    )
    native.cc_test(
        name = name + "_corpus_test",
        size = "small",
        srcs = srcs,
        args = ["fuzz/corpus/" + name],
        data = native.glob(["corpus/" + name + "/**"]),
        deps = deps + ["//fuzz:fuzz_util", "//fuzz:replay_main", "//tools:lsan_suppressions"],
    )
