#include "lib/data/idx.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

// The whole decompressed content of a (possibly gzip-compressed) file.
std::vector<std::uint8_t> read_gzip(const std::string& path) {
  {
    std::ifstream probe(path);
    if (!probe) throw DataError("cannot open " + path + ": " + std::strerror(errno));
  }
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw DataError("cannot open " + path + ": " + std::strerror(errno));
  std::vector<std::uint8_t> bytes;
  std::uint8_t chunk[1 << 16];
  for (;;) {
    const int n = gzread(file, chunk, sizeof chunk);
    if (n < 0) {
      int code = 0;
      const std::string why = gzerror(file, &code);
      gzclose(file);
      throw DataError(path + ": corrupt gzip data (" + why + ")");
    }
    if (n == 0) break;
    bytes.insert(bytes.end(), chunk, chunk + n);
  }
  // A truncated gzip stream reads as a short file; gzclose reports the missing trailer.
  int code = 0;
  const char* why = gzerror(file, &code);
  const std::string message = why ? why : "";
  gzclose(file);
  if (code != Z_OK && code != Z_STREAM_END) {
    throw DataError(path + ": corrupt or truncated gzip data (" + message + ")");
  }
  return bytes;
}

}  // namespace

IdxArray parse_idx(const std::vector<std::uint8_t>& bytes, const std::string& name) {
  if (bytes.size() < 4) {
    throw DataError(name + ": short read: " + std::to_string(bytes.size()) +
                    " bytes, not even an IDX header");
  }
  if (bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08 || bytes[3] == 0 || bytes[3] > 4) {
    char magic[16];
    std::snprintf(magic, sizeof magic, "%02x %02x %02x %02x", bytes[0], bytes[1], bytes[2],
                  bytes[3]);
    throw DataError(name + ": bad magic number " + magic +
                    " (expected 00 00 08 0N: unsigned bytes, N = 1 to 4 dimensions)");
  }
  IdxArray array;
  const std::size_t rank = bytes[3];
  const std::size_t header = 4 + 4 * rank;
  if (bytes.size() < header) {
    throw DataError(name + ": short read: the header needs " + std::to_string(header) +
                    " bytes, the file has " + std::to_string(bytes.size()));
  }
  std::uint64_t count = 1;
  for (std::size_t d = 0; d < rank; ++d) {
    const std::uint8_t* p = &bytes[4 + 4 * d];
    const std::uint32_t dim = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                              (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    array.dims.push_back(dim);
    count *= dim;
    if (count > (std::uint64_t{1} << 32)) {
      throw DataError(name + ": wrong count: the dimensions ask for more than 4 GiB");
    }
  }
  const std::uint64_t available = bytes.size() - header;
  if (available < count) {
    throw DataError(name + ": short read: " + count_of(count, "value") + " expected, " +
                    std::to_string(available) + " present (truncated file?)");
  }
  if (available > count) {
    throw DataError(name + ": wrong count: " + std::to_string(available - count) +
                    " bytes after the last of " + count_of(count, "value"));
  }
  array.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  return array;
}

IdxArray read_idx(const std::string& path) { return parse_idx(read_gzip(path), path); }

}  // namespace nn
