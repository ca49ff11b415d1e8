#pragma once
// A minimal PNG encoder: 8-bit grey, RGB or RGBA pixels, one IDAT chunk compressed by zlib,
// each row filtered with whichever of None, Sub and Up leaves the smallest residuals. Enough
// for Fashion-MNIST grids and decision-region images, and small enough to read in one go.

#include <cstdint>
#include <string>
#include <vector>

namespace nn::plot {

/// The bytes of a PNG file for `pixels`, row-major with the top row first and 1 (grey),
/// 3 (RGB) or 4 (RGBA) bytes per pixel; the channel count is pixels.size() / (width·height).
/// Throws nn::ValueError when the sizes do not fit.
std::string encode_png(const std::vector<std::uint8_t>& pixels, int width, int height);

/// Writes encode_png(pixels, width, height) to `path` atomically; nn::Error on failure.
void write_png(const std::string& path, const std::vector<std::uint8_t>& pixels, int width,
               int height);

/// `bytes` in Base64 (RFC 4648, with '=' padding).
std::string base64(const std::string& bytes);

/// A "data:image/png;base64,..." URI of the pixels, for an SVG `<image href>`.
std::string png_data_uri(const std::vector<std::uint8_t>& pixels, int width, int height);

}  // namespace nn::plot
