#pragma once
// What the fuzz targets share: a temporary file to hand the readers that take a path, and
// the rule that every failure must be an nn::Error (anything else stops the fuzzer).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <typeinfo>

#include "lib/error.h"

namespace nn::fuzz {

/// A file of this process's own under $TEST_TMPDIR, $TMPDIR or /tmp, ending in `suffix`.
inline std::string scratch_path(const std::string& suffix) {
  static const std::string prefix = [] {
    const char* tmp = std::getenv("TEST_TMPDIR");
    if (tmp == nullptr) tmp = std::getenv("TMPDIR");
    return std::string(tmp != nullptr ? tmp : "/tmp") + "/nn_fuzz_" + std::to_string(getpid());
  }();
  return prefix + suffix;
}

/// Writes the input to the scratch file and returns its path.
inline std::string write_scratch(const std::uint8_t* data, std::size_t size,
                                 const std::string& suffix) {
  const std::string path = scratch_path(suffix);
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) std::abort();
  if (size > 0 && std::fwrite(data, 1, size, file) != size) std::abort();
  std::fclose(file);
  return path;
}

/// Runs `read`; an nn::Error is a clean refusal of bad input, anything else a finding.
template <class Read>
void expect_clean(const char* what, Read read) {
  try {
    read();
  } catch (const Error&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: threw %s, not an nn::Error: %s\n", what, typeid(e).name(), e.what());
    std::abort();
  }
}

}  // namespace nn::fuzz
