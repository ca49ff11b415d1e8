#pragma once
// Test helper: a strict little PNG decoder for what encode_png() writes (8-bit grey, RGB or
// RGBA; filters None, Sub and Up). It checks the signature, every chunk's CRC and the chunk
// order, and inflates the IDAT data with zlib's uncompress.

#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nn::plot::testing {

/// A decoded PNG, or the reason it could not be decoded.
struct DecodedPng {
  /// Pixels across.
  int width = 0;
  /// Pixels down.
  int height = 0;
  /// Bytes per pixel: 1, 3 or 4.
  int channels = 0;
  /// The pixels, row-major, top row first.
  std::vector<std::uint8_t> pixels;
  /// Empty when decoding succeeded.
  std::string error;
  /// The chunk types in file order, e.g. {"IHDR", "IDAT", "IEND"}.
  std::vector<std::string> chunks;
};

/// Decodes the bytes of a PNG file.
inline DecodedPng decode_png(const std::string& file) {
  DecodedPng png;
  auto fail = [&png](const std::string& why) {
    png.error = why;
    return png;
  };
  auto u32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v = (v << 8) | static_cast<std::uint8_t>(file[at + k]);
    return v;
  };
  if (file.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) != 0) {
    return fail("bad signature");
  }
  std::string idat;
  for (std::size_t at = 8; at < file.size();) {
    if (at + 12 > file.size()) return fail("truncated chunk");
    const std::uint32_t length = u32(at);
    if (at + 12 + length > file.size()) return fail("chunk runs past the end");
    const std::string type = file.substr(at + 4, 4), data = file.substr(at + 8, length);
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(file.data() + at + 4), length + 4);
    if (crc != u32(at + 8 + length)) return fail("bad CRC in " + type);
    png.chunks.push_back(type);
    if (type == "IHDR") {
      png.width = static_cast<int>(u32(at + 8));
      png.height = static_cast<int>(u32(at + 12));
      const int depth = data[8], color = data[9];
      png.channels = color == 0 ? 1 : color == 2 ? 3 : color == 6 ? 4 : 0;
      if (depth != 8 || png.channels == 0) return fail("unsupported IHDR");
    } else if (type == "IDAT") {
      idat += data;
    }
    at += 12 + length;
  }
  if (png.chunks.empty() || png.chunks.front() != "IHDR" || png.chunks.back() != "IEND") {
    return fail("chunks out of order");
  }
  const std::size_t stride = std::size_t(png.width) * png.channels;
  std::vector<std::uint8_t> raw((stride + 1) * png.height);
  uLongf size = raw.size();
  if (uncompress(raw.data(), &size, reinterpret_cast<const Bytef*>(idat.data()), idat.size()) !=
          Z_OK ||
      size != raw.size()) {
    return fail("IDAT does not inflate to the image size");
  }
  png.pixels.resize(stride * png.height);
  for (int y = 0; y < png.height; ++y) {
    const int filter = raw[y * (stride + 1)];
    for (std::size_t i = 0; i < stride; ++i) {
      int predictor = 0;
      if (filter == 1 && i >= std::size_t(png.channels)) {
        predictor = png.pixels[y * stride + i - png.channels];
      } else if (filter == 2 && y > 0) {
        predictor = png.pixels[(y - 1) * stride + i];
      } else if (filter > 2) {
        return fail("unexpected filter " + std::to_string(filter));
      }
      png.pixels[y * stride + i] =
          static_cast<std::uint8_t>(raw[y * (stride + 1) + 1 + i] + predictor);
    }
  }
  return png;
}

}  // namespace nn::plot::testing
