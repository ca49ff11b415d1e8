// Fuzz target: nn::parse_idx (lib/data/idx.h) on any bytes, and nn::read_idx on the same bytes
// as a file (plain, or gzip when they start like gzip). Every failure must be an nn::Error,
// and what parses must hold exactly the values its dimensions promise.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <typeinfo>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "lib/data/idx.h"

namespace {

void check(const nn::IdxArray& array) {
  std::uint64_t count = 1;
  for (std::uint32_t d : array.dims) count *= d;
  if (array.dims.empty() || array.dims.size() > 4 || count != array.data.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::uint8_t> bytes(data, data + size);
  nn::fuzz::expect_clean("parse_idx", [&] { check(nn::parse_idx(bytes, "fuzz input")); });
  const std::string path = nn::fuzz::write_scratch(data, size, ".idx");
  nn::fuzz::expect_clean("read_idx", [&] { check(nn::read_idx(path)); });
  return 0;
}
