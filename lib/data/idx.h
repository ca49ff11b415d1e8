#pragma once
// The IDX format of MNIST and Fashion-MNIST: a 4-byte magic number (two zero bytes, a type
// code, the number of dimensions), each dimension as a big-endian 32-bit integer, then the
// values, row-major. The files are usually gzip-compressed; zlib reads both forms.

#include <cstdint>
#include <string>
#include <vector>

namespace nn {

/// An IDX array of unsigned bytes (type code 0x08), the only type Fashion-MNIST uses.
struct IdxArray {
  std::vector<std::uint32_t> dims;  ///< e.g. {60000, 28, 28} for images, {60000} for labels
  std::vector<std::uint8_t> data;   ///< the values, row-major: product of dims bytes
};

/// Reads an IDX file, gzip-compressed or not. Throws DataError naming the file and what is
/// wrong: it cannot be opened, the magic number is not an unsigned-byte IDX header, the
/// dimensions are absurd, the file ends early (short read) or holds bytes after the end, or
/// the gzip stream is corrupt.
IdxArray read_idx(const std::string& path);

/// Parses IDX bytes already in memory; `name` names them in errors. Same errors as read_idx.
IdxArray parse_idx(const std::vector<std::uint8_t>& bytes, const std::string& name);

}  // namespace nn
