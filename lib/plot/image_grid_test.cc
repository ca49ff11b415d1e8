#include "lib/plot/image_grid.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "lib/error.h"
#include "lib/plot/png_check_test.h"
#include "lib/plot/xml_check_test.h"

namespace nn::plot {
namespace {

// n images of 28 × 28 that look a little like clothing: smooth blobs of different sizes.
Tensor blobs(std::size_t n) {
  Tensor images({n, 28 * 28});
  for (std::size_t i = 0; i < n; ++i) {
    for (int y = 0; y < 28; ++y) {
      for (int x = 0; x < 28; ++x) {
        const double r = std::hypot(x - 13.5, (y - 13.5) * (1 + 0.05 * i)) / (6 + i % 7);
        images(i, y * 28 + x) = static_cast<float>(std::exp(-r * r));
      }
    }
  }
  return images;
}

std::string unbase64(const std::string& text) {
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    bits = (bits << 6) | static_cast<std::uint32_t>(alphabet.find(c));
    if ((count += 6) >= 8) out += static_cast<char>((bits >> (count -= 8)) & 0xFF);
  }
  return out;
}

}  // namespace

TEST_CASE("a 20-image grid with captions is small, well-formed SVG", "[plot][image_grid]") {
  std::vector<std::string> captions, colors;
  for (int i = 0; i < 20; ++i) {
    captions.push_back(i % 3 ? "Sneaker" : "Shirt\n(T-shirt/top)");
    colors.push_back(i % 3 ? "#009e73" : "#d55e00");
  }
  const ImageGrid grid = image_grid(blobs(20), 28, 28, 10, captions, colors);
  const std::string doc = grid.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.size() < 60000);
  CHECK(std::count(doc.begin(), doc.end(), '\n') > 20);
  std::size_t images = 0;
  for (std::size_t at = doc.find("<image"); at != std::string::npos;
       at = doc.find("<image", at + 1)) {
    ++images;
  }
  CHECK(images == 20);
  CHECK(doc.find(">(T-shirt/top)<") != std::string::npos);
  CHECK(doc.find("fill=\"#d55e00\"") != std::string::npos);
  CHECK(doc == image_grid(blobs(20), 28, 28, 10, captions, colors).svg());
}

TEST_CASE("embedded images are enlarged to sharp pixel blocks", "[plot][image_grid]") {
  Tensor images = {{0, 1, 1, 0}};  // one 2 × 2 image
  ImageGridOptions options;
  options.scale = 4;
  options.invert = false;
  const std::string doc = ImageGrid(images, 2, 2, options).svg();
  const std::string prefix = "href=\"data:image/png;base64,";
  const std::size_t start = doc.find(prefix) + prefix.size();
  const auto png = testing::decode_png(unbase64(doc.substr(start, doc.find('"', start) - start)));
  REQUIRE(png.error == "");
  CHECK(png.width == 8);
  CHECK(png.height == 8);
  CHECK(png.pixels[0] == 0);
  CHECK(png.pixels[3] == 0);    // still the first pixel's block
  CHECK(png.pixels[4] == 255);  // the second pixel's block
  CHECK(png.pixels[8 * 4] == 255);
}

TEST_CASE("even 20 noise images stay far from megabytes", "[plot][image_grid]") {
  Tensor noise({20, 28 * 28});
  std::uint32_t state = 12345;
  for (float& v : noise) {
    state = state * 1664525u + 1013904223u;
    v = static_cast<float>(state >> 8) / (1 << 24);
  }
  CHECK(image_grid(noise, 28, 28).svg().size() < 200000);
}

TEST_CASE("the PNG mosaic holds every image, inverted, with coloured frames",
          "[plot][image_grid]") {
  Tensor images({3, 4});  // three 2 × 2 images
  images = Tensor{{0, 1, 0.5, 0}, {1, 1, 1, 1}, {0, 0, 0, 0}};
  ImageGridOptions options;
  options.cols = 2;
  options.caption_colors = {"#ff0000", "#00ff00", "#0000ff"};
  const testing::DecodedPng png = testing::decode_png(ImageGrid(images, 2, 2, options).png());
  REQUIRE(png.error == "");
  // Two cells of 2 + 6 pixels across and a 6-pixel border: 2·8 + 6 by 2·8 + 6.
  CHECK(png.width == 22);
  CHECK(png.height == 22);
  CHECK(png.channels == 3);
  auto at = [&](int x, int y, int c) { return png.pixels[(y * png.width + x) * 3 + c]; };
  CHECK(at(6, 6, 0) == 255);  // image 0, pixel (0, 0) = 0 → white
  CHECK(at(7, 6, 0) == 0);    // pixel (1, 0) = 1 → black
  CHECK(at(6, 7, 1) == 128);  // pixel (0, 1) = 0.5 → mid grey
  CHECK(at(5, 5, 0) == 255);  // the frame of image 0 is red
  CHECK(at(5, 5, 1) == 0);
  CHECK(at(5, 13, 1) == 0);  // image 2 starts a second row, framed in blue
  CHECK(at(5, 13, 2) == 255);
  CHECK(at(0, 0, 1) == 255);  // paper
}

TEST_CASE("image grids check their arguments and save by extension", "[plot][image_grid]") {
  CHECK_THROWS_AS(image_grid(blobs(2), 28, 27), ShapeError);
  CHECK_THROWS_AS(image_grid(blobs(2), 28, 28, 10, {"only one"}), ValueError);
  CHECK_THROWS_AS(image_grid(blobs(2), 28, 28, 10, {}, {"green", "red"}), ValueError);
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string folder = tmp ? tmp : "/tmp";
  const ImageGrid grid = image_grid(blobs(4), 28, 28, 2);
  grid.save(folder + "/grid.png");
  grid.save(folder + "/grid.svg");
  std::ifstream png(folder + "/grid.png", std::ios::binary), svg(folder + "/grid.svg");
  std::stringstream png_bytes, svg_bytes;
  png_bytes << png.rdbuf();
  svg_bytes << svg.rdbuf();
  CHECK(png_bytes.str() == grid.png());
  CHECK(svg_bytes.str() == grid.svg());
}

}  // namespace nn::plot
