// Fuzz target: nn::load_model and nn::load_weights (lib/io/keras_h5.h) on any bytes as a file.
// Every failure must be an nn::Error; a model that loads must predict.
//
// HDF5 itself can crash on damaged files, so File::open reads each file in a child process
// first (lib/io/hdf5_guard.h) and reports a child that dies as a damaged file. Here that child
// is a fork of the fuzzer: it must die by the signal, as it would outside the fuzzer (not let
// libFuzzer record the input and exit), and a sanitizer report in it must not be lost. So the
// child keeps its report in a file, and the parent stops the fuzzer when the report's first
// frame is this project's code; a crash inside libhdf5 is the guard's business, not a finding.
#include <pthread.h>
#include <signal.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_util.h"
#include "lib/io/keras_h5.h"
#include "lib/models/functional.h"
#include "lib/nn.h"

// The sanitizers' hooks, weak: the corpus test links this file without them.
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)());
extern "C" __attribute__((weak)) void __asan_set_error_report_callback(
    void (*callback)(const char*));

namespace {

std::string report_path() { return nn::fuzz::scratch_path(".child-report"); }

void keep_report(const char* report) { std::ofstream(report_path(), std::ios::app) << report; }

void in_child() {
  if (__sanitizer_set_death_callback != nullptr) {
    __sanitizer_set_death_callback(nullptr);  // libFuzzer's would record the input and exit
  }
  if (__asan_set_error_report_callback != nullptr) __asan_set_error_report_callback(&keep_report);
  signal(SIGABRT, SIG_DFL);  // ASan ends with abort(): the child dies of it
  signal(SIGSEGV, SIG_DFL);  // a crash in uninstrumented HDF5: plain death
  signal(SIGBUS, SIG_DFL);
}

// True when the first frame of a sanitizer report, past the sanitizer's own, is not libhdf5.
bool ours(const std::string& report) {
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

// A small classifier: the architecture of the seed weights file (fuzz/make_corpus.cc).
nn::Sequential small_model() {
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(3, "softmax")});
  model.build({2});
  return model;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  pthread_atfork(nullptr, nullptr, &in_child);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::remove(report_path().c_str());
  const std::string path = nn::fuzz::write_scratch(data, size, ".h5");
  nn::fuzz::expect_clean("load_model", [&] {
    std::unique_ptr<nn::Model> model = nn::load_model(path);
    std::vector<nn::Tensor> x;  // two rows of 0.5 for each input
    if (const auto* functional = dynamic_cast<const nn::Functional*>(model.get())) {
      for (const nn::SymbolicTensor& input : functional->inputs()) {
        x.push_back(xt::full_like(nn::Tensor::from_shape({2, input.width()}), 0.5f));
      }
    } else {
      const std::size_t width = model->layers().at(0)->input_dims().at(0);
      x.push_back(xt::full_like(nn::Tensor::from_shape({2, width}), 0.5f));
    }
    model->predict_outputs(x);
  });
  nn::Sequential model = small_model();
  nn::fuzz::expect_clean("load_weights", [&] { nn::load_weights(model, path); });
  nn::fuzz::expect_clean("load_weights by name",
                         [&] { nn::load_weights(model, path, {.by_name = true}); });
  std::ifstream child_report(report_path());
  if (child_report) {
    const std::string report((std::istreambuf_iterator<char>(child_report)),
                             std::istreambuf_iterator<char>());
    if (ours(report)) {
      std::fprintf(stderr, "a sanitizer report in File::open's child process:\n%s\n",
                   report.c_str());
      std::abort();
    }
  }
  return 0;
}
