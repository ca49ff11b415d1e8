#pragma once
// For fuzz targets whose inputs reach HDF5. HDF5 itself can crash on damaged files, so
// h5::File::open reads each file in a child process first (lib/io/hdf5_guard.h) and reports a
// child that dies as a damaged file. Here that child is a fork of the fuzzer: it must die by
// the signal, as it would outside the fuzzer (not let libFuzzer record the input and exit),
// and a sanitizer report in it must not be lost. So the child keeps its report in a file,
// and the parent stops the fuzzer when the report's first frame is this project's code; a
// crash inside libhdf5 is the guard's business, not a finding.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "fuzz/fuzz_util.h"

// The sanitizers' hooks, weak: the corpus test links this file without them.
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)());
extern "C" __attribute__((weak)) void __asan_set_error_report_callback(
    void (*callback)(const char*));

namespace nn::fuzz {

/// Where a forked child keeps its sanitizer report.
inline std::string child_report_path() { return scratch_path(".child-report"); }

inline void keep_child_report(const char* report) {
  std::ofstream(child_report_path(), std::ios::app) << report;
}

inline void in_child() {
  if (__sanitizer_set_death_callback != nullptr) {
    __sanitizer_set_death_callback(nullptr);  // libFuzzer's would record the input and exit
  }
  if (__asan_set_error_report_callback != nullptr) {
    __asan_set_error_report_callback(&keep_child_report);
  }
  signal(SIGABRT, SIG_DFL);  // ASan ends with abort(): the child dies of it
  signal(SIGSEGV, SIG_DFL);  // a crash in uninstrumented HDF5: plain death
  signal(SIGBUS, SIG_DFL);
}

/// True when the first frame of a sanitizer report, past the sanitizer's own, is not libhdf5.
inline bool ours(const std::string& report) {
  if (report.find("runtime error") != std::string::npos) return true;  // UBSan: only our code
  std::istringstream lines(report);
  for (std::string line; std::getline(lines, line);) {
    const auto hash = line.find_first_not_of(' ');
    if (hash == std::string::npos || line[hash] != '#') continue;
    if (line.find(" in __asan") != std::string::npos ||
        line.find(" in __interceptor") != std::string::npos ||
        line.find(" in __sanitizer") != std::string::npos) {
      continue;
    }
    return line.find("libhdf5") == std::string::npos;
  }
  return true;
}

/// Call from LLVMFuzzerInitialize: every forked child gets in_child().
inline void watch_forked_children() { pthread_atfork(nullptr, nullptr, &in_child); }

/// Call at the start of each input.
inline void forget_child_report() { std::remove(child_report_path().c_str()); }

/// Call at the end of each input: aborts if a child's sanitizer report points at our code.
inline void check_child_report() {
  std::ifstream child_report(child_report_path());
  if (!child_report) return;
  const std::string report((std::istreambuf_iterator<char>(child_report)),
                           std::istreambuf_iterator<char>());
  if (ours(report)) {
    std::fprintf(stderr, "a sanitizer report in File::open's child process:\n%s\n", report.c_str());
    std::abort();
  }
}

}  // namespace nn::fuzz
