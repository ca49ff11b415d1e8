#include "lib/data/idx.h"

#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "lib/error.h"

namespace {

std::string temp_path(const std::string& name) {
  return std::string(std::getenv("TEST_TMPDIR")) + "/" + name;
}

// A valid IDX image file of n 2 × 3 images, values 0, 1, 2, ...
std::vector<std::uint8_t> idx_bytes(std::uint8_t n) {
  std::vector<std::uint8_t> bytes = {0, 0, 8, 3, 0, 0, 0, n, 0, 0, 0, 2, 0, 0, 0, 3};
  for (int i = 0; i < n * 6; ++i) bytes.push_back(static_cast<std::uint8_t>(i));
  return bytes;
}

void write_raw(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
}

void write_gzip(const std::string& path, const std::vector<std::uint8_t>& bytes) {
  gzFile file = gzopen(path.c_str(), "wb");
  REQUIRE(file != nullptr);
  gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(file);
}

std::vector<std::uint8_t> read_raw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("IDX files are read whether gzip-compressed or not") {
  write_raw(temp_path("plain.idx"), idx_bytes(2));
  write_gzip(temp_path("packed.idx.gz"), idx_bytes(2));
  for (const char* name : {"plain.idx", "packed.idx.gz"}) {
    const nn::IdxArray array = nn::read_idx(temp_path(name));
    CHECK(array.dims == std::vector<std::uint32_t>{2, 2, 3});
    REQUIRE(array.data.size() == 12);
    CHECK(array.data[0] == 0);
    CHECK(array.data[11] == 11);
  }
}

TEST_CASE("bad IDX content is an error naming the file and the fault") {
  auto bytes = idx_bytes(2);
  bytes[2] = 0x0D;  // type code of floats
  CHECK_THROWS_WITH(nn::parse_idx(bytes, "f.idx"), Catch::Contains("f.idx: bad magic number"));
  CHECK_THROWS_WITH(nn::parse_idx({0, 0}, "g.idx"), Catch::Contains("g.idx: short read"));
  auto truncated = idx_bytes(2);
  truncated.resize(truncated.size() - 5);
  CHECK_THROWS_WITH(nn::parse_idx(truncated, "h.idx"),
                    Catch::Contains("h.idx: short read") && Catch::Contains("12 values expected"));
  auto extra = idx_bytes(2);
  extra.push_back(7);
  CHECK_THROWS_WITH(nn::parse_idx(extra, "i.idx"), Catch::Contains("i.idx: wrong count"));
  std::vector<std::uint8_t> huge = {0, 0, 8, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  CHECK_THROWS_WITH(nn::parse_idx(huge, "j.idx"), Catch::Contains("j.idx: wrong count"));
}

TEST_CASE("a truncated or corrupt gzip file, or a missing one, is a DataError") {
  const std::string good = temp_path("good.gz"), cut = temp_path("cut.gz"),
                    bad = temp_path("bad.gz");
  write_gzip(good, idx_bytes(50));
  auto bytes = read_raw(good);
  write_raw(cut, std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + bytes.size() / 2));
  CHECK_THROWS_WITH(nn::read_idx(cut), Catch::Contains(cut));
  bytes[bytes.size() / 2] ^= 0xFF;  // damage the deflate stream
  bytes[bytes.size() / 2 + 1] ^= 0xFF;
  write_raw(bad, bytes);
  CHECK_THROWS_WITH(nn::read_idx(bad), Catch::Contains(bad));
  CHECK_THROWS_WITH(nn::read_idx(temp_path("nope.gz")),
                    Catch::Contains("cannot open") && Catch::Contains("nope.gz"));
}
