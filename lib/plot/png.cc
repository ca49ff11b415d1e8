#include "lib/plot/png.h"

#include <zlib.h>

#include "lib/atomic_file.h"
#include "lib/error.h"

namespace nn::plot {
namespace {

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

// A chunk: length, type, data, and the CRC-32 of type and data.
void put_chunk(std::string& out, const std::string& type, const std::string& data) {
  put_u32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = type + data;
  out += body;
  put_u32(out, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                                static_cast<uInt>(body.size()))));
}

}  // namespace

std::string encode_png(const std::vector<std::uint8_t>& pixels, int width, int height) {
  const std::size_t count =
      static_cast<std::size_t>(width > 0 ? width : 0) * (height > 0 ? height : 0);
  const std::size_t channels = count ? pixels.size() / count : 0;
  if (count == 0 || channels * count != pixels.size() ||
      (channels != 1 && channels != 3 && channels != 4)) {
    throw ValueError("encode_png: " + std::to_string(pixels.size()) + " bytes for " +
                     std::to_string(width) + "x" + std::to_string(height) +
                     " pixels; expected 1 (grey), 3 (RGB) or 4 (RGBA) bytes per pixel");
  }
  // Filter each row: a leading filter byte, then the row as None (raw), Sub (minus the pixel
  // to the left) or Up (minus the pixel above), whichever has the smallest residuals.
  const std::size_t stride = channels * width;
  std::string raw;
  raw.reserve((stride + 1) * height);
  std::string candidates[3];
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = pixels.data() + y * stride;
    const std::uint8_t* above = y > 0 ? row - stride : nullptr;
    long best_cost = -1;
    int best = 0;
    for (int filter = 0; filter < 3; ++filter) {
      std::string& out = candidates[filter];
      out.assign(1, static_cast<char>(filter));
      long cost = 0;
      for (std::size_t i = 0; i < stride; ++i) {
        int predictor = 0;
        if (filter == 1 && i >= channels) predictor = row[i - channels];
        if (filter == 2 && above) predictor = above[i];
        const auto residual = static_cast<std::uint8_t>(row[i] - predictor);
        out += static_cast<char>(residual);
        cost += residual < 128 ? residual : 256 - residual;
      }
      if (best_cost < 0 || cost < best_cost) best_cost = cost, best = filter;
    }
    raw += candidates[best];
  }
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string compressed(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(compressed.data()), &size,
                reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                9) != Z_OK) {
    throw Error("encode_png: zlib could not compress the image");
  }
  compressed.resize(size);

  std::string header;
  put_u32(header, static_cast<std::uint32_t>(width));
  put_u32(header, static_cast<std::uint32_t>(height));
  const char color_type = channels == 1 ? 0 : channels == 3 ? 2 : 6;
  header += std::string{8, color_type, 0, 0,
                        0};  // bit depth, colour type, deflate, filters, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", compressed);
  put_chunk(png, "IEND", "");
  return png;
}

void write_png(const std::string& path, const std::vector<std::uint8_t>& pixels, int width,
               int height) {
  write_file_atomically(path, encode_png(pixels, width, height));
}

std::string base64(const std::string& bytes) {
  static const char* const alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = static_cast<std::uint8_t>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) group |= static_cast<std::uint8_t>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) group |= static_cast<std::uint8_t>(bytes[i + 2]);
    out += alphabet[(group >> 18) & 63];
    out += alphabet[(group >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(group >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? alphabet[group & 63] : '=';
  }
  return out;
}

std::string png_data_uri(const std::vector<std::uint8_t>& pixels, int width, int height) {
  return "data:image/png;base64," + base64(encode_png(pixels, width, height));
}

}  // namespace nn::plot
