#include "lib/plot/image_grid.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "lib/atomic_file.h"
#include "lib/error.h"
#include "lib/plot/palette.h"
#include "lib/plot/png.h"
#include "lib/plot/svg.h"

namespace nn::plot {
namespace {

constexpr double kFont = 11, kLine = 13, kPad = 8;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Each pixel repeated into a block of s × s, so that every viewer shows sharp pixels (some
// ignore image-rendering and would blur a small image stretched over a large box).
std::vector<std::uint8_t> upscale(const std::vector<std::uint8_t>& pixels, int w, int h,
                                  int channels, int s) {
  std::vector<std::uint8_t> out;
  out.reserve(pixels.size() * s * s);
  for (int y = 0; y < h * s; ++y) {
    for (int x = 0; x < w * s; ++x) {
      const std::uint8_t* p = &pixels[(std::size_t(y / s) * w + x / s) * channels];
      out.insert(out.end(), p, p + channels);
    }
  }
  return out;
}

}  // namespace

ImageGrid::ImageGrid(const Tensor& images, int height, int width, ImageGridOptions options)
    : images_(images), height_(height), width_(width), options_(std::move(options)) {
  const std::size_t n = images.shape()[0], size = images.shape()[1];
  const std::size_t pixels = height > 0 && width > 0 ? std::size_t(height) * width : 0;
  channels_ = pixels == 0 ? 0 : size == pixels ? 1 : size == 3 * pixels ? 3 : 0;
  if (channels_ == 0) {
    throw ShapeError("image_grid: images " + shape_string(images) + " do not hold " +
                     std::to_string(height) + "x" + std::to_string(width) + " grey or RGB images");
  }
  const auto& o = options_;
  if ((!o.captions.empty() && o.captions.size() != n) ||
      (!o.caption_colors.empty() && o.caption_colors.size() != n)) {
    throw ValueError("image_grid: " + std::to_string(n) + " images but " +
                     std::to_string(o.captions.size()) + " captions and " +
                     std::to_string(o.caption_colors.size()) + " caption colours");
  }
  if (o.cols < 1 || o.scale < 1 || o.scale > 8) {
    throw ValueError("image_grid: cols must be positive and scale between 1 and 8; got " +
                     std::to_string(o.cols) + " and " + std::to_string(o.scale));
  }
  for (const std::string& color : o.caption_colors) parse_color(color);  // fail early
}

std::vector<std::uint8_t> ImageGrid::pixels(std::size_t i) const {
  std::vector<std::uint8_t> bytes(images_.shape()[1]);
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    const double v = std::isnan(images_(i, k)) ? 0.0 : std::clamp<double>(images_(i, k), 0, 1);
    bytes[k] = static_cast<std::uint8_t>(std::lround(255 * (options_.invert ? 1 - v : v)));
  }
  return bytes;
}

std::string ImageGrid::svg() const {
  const std::size_t n = images_.shape()[0];
  const std::size_t cols = std::min<std::size_t>(options_.cols, std::max<std::size_t>(n, 1));
  const std::size_t rows = (n + cols - 1) / cols;
  const int s = options_.scale;
  const double iw = width_ * s, ih = height_ * s;
  double text_w = 0;
  std::size_t lines = 0;
  for (const std::string& caption : options_.captions) {
    const auto parts = lines_of(caption);
    lines = std::max(lines, parts.size());
    for (const auto& line : parts) text_w = std::max(text_w, text_width(line, kFont));
  }
  const double cell_w = std::max(iw, text_w + 4) + kPad, cell_h = ih + lines * kLine + kPad + 4;
  const double top = options_.title.empty() ? kPad : 30;
  Svg svg(cols * cell_w + kPad, top + rows * cell_h + kPad / 2);
  if (!options_.title.empty()) {
    svg.text((cols * cell_w + kPad) / 2, 20, options_.title,
             {{"text-anchor", "middle"},
              {"font-size", 14},
              {"font-weight", "bold"},
              {"fill", "#222222"}});
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double x = kPad + (i % cols) * cell_w + (cell_w - kPad - iw) / 2;
    const double y = top + (i / cols) * cell_h;
    svg.element("image", {{"x", x},
                          {"y", y},
                          {"width", iw},
                          {"height", ih},
                          {"image-rendering", "optimizeSpeed"},
                          {"style", "image-rendering:pixelated"},
                          {"href", png_data_uri(upscale(pixels(i), width_, height_, channels_, s),
                                                width_ * s, height_ * s)}});
    svg.element("rect", {{"x", x - 0.5},
                         {"y", y - 0.5},
                         {"width", iw + 1},
                         {"height", ih + 1},
                         {"fill", "none"},
                         {"stroke", "#d0d0d0"}});
    if (options_.captions.empty()) continue;
    const std::string color =
        options_.caption_colors.empty() ? "#222222" : options_.caption_colors[i];
    const auto parts = lines_of(options_.captions[i]);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      svg.text(x + iw / 2, y + ih + kLine * (k + 1), parts[k],
               {{"text-anchor", "middle"}, {"font-size", kFont}, {"fill", color}});
    }
  }
  return svg.finish();
}

std::string ImageGrid::png() const {
  const int n = static_cast<int>(images_.shape()[0]);
  const int cols = std::min(options_.cols, std::max(n, 1)), rows = (n + cols - 1) / cols;
  const int gap = 6, cell_w = width_ + gap, cell_h = height_ + gap;
  const int W = cols * cell_w + gap, H = rows * cell_h + gap;
  std::vector<std::uint8_t> rgb(std::size_t(W) * H * 3, 255);  // white paper
  auto put = [&](int x, int y, Rgb c) {
    std::uint8_t* p = &rgb[(std::size_t(y) * W + x) * 3];
    p[0] = c.r, p[1] = c.g, p[2] = c.b;
  };
  for (int i = 0; i < n; ++i) {
    const int x0 = gap + (i % cols) * cell_w, y0 = gap + (i / cols) * cell_h;
    if (!options_.caption_colors.empty()) {  // a 2-pixel frame in the caption's colour
      const Rgb c = parse_color(options_.caption_colors[i]);
      for (int y = y0 - 2; y < y0 + height_ + 2; ++y) {
        for (int x = x0 - 2; x < x0 + width_ + 2; ++x) put(x, y, c);
      }
    }
    const auto image = pixels(i);
    for (int y = 0; y < height_; ++y) {
      for (int x = 0; x < width_; ++x) {
        const std::uint8_t* p = &image[(std::size_t(y) * width_ + x) * channels_];
        put(x0 + x, y0 + y, channels_ == 1 ? Rgb{p[0], p[0], p[0]} : Rgb{p[0], p[1], p[2]});
      }
    }
  }
  return encode_png(rgb, W, H);
}

void ImageGrid::save(const std::string& path) const {
  const bool png_file = path.size() >= 4 && path.compare(path.size() - 4, 4, ".png") == 0;
  write_file_atomically(path, png_file ? png() : svg());
}

ImageGrid image_grid(const Tensor& images, int height, int width, int cols,
                     const std::vector<std::string>& captions,
                     const std::vector<std::string>& caption_colors) {
  ImageGridOptions options;
  options.cols = cols;
  options.captions = captions;
  options.caption_colors = caption_colors;
  return ImageGrid(images, height, width, options);
}

}  // namespace nn::plot
