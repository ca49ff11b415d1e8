#include "lib/plot/png.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "lib/error.h"
#include "lib/plot/png_check_test.h"

namespace nn::plot {
namespace {

// A w × h image with `channels` bytes a pixel and a pattern that exercises every filter:
// smooth gradients, a sharp edge, and noise-like values.
std::vector<std::uint8_t> pattern(int w, int h, int channels) {
  std::vector<std::uint8_t> pixels;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      for (int c = 0; c < channels; ++c) {
        const int value = x < w / 3       ? 4 * x + c
                          : x < 2 * w / 3 ? (x * 37 + y * 91 + c * 13)
                                          : 255 - 3 * y;
        pixels.push_back(static_cast<std::uint8_t>(value));
      }
    }
  }
  return pixels;
}

}  // namespace

TEST_CASE("PNG round trip: signature, CRCs and pixels for grey, RGB and RGBA", "[plot][png]") {
  for (int channels : {1, 3, 4}) {
    for (auto [w, h] : {std::pair{1, 1}, std::pair{28, 28}, std::pair{37, 5}}) {
      INFO(channels << " channels, " << w << "x" << h);
      const auto pixels = pattern(w, h, channels);
      const std::string file = encode_png(pixels, w, h);
      const testing::DecodedPng png = testing::decode_png(file);
      REQUIRE(png.error == "");
      CHECK(png.chunks == std::vector<std::string>{"IHDR", "IDAT", "IEND"});
      CHECK(png.width == w);
      CHECK(png.height == h);
      CHECK(png.channels == channels);
      CHECK(png.pixels == pixels);
    }
  }
}

TEST_CASE("a corrupted PNG fails the CRC check", "[plot][png]") {
  std::string file = encode_png(pattern(8, 8, 1), 8, 8);
  file[40] ^= 0x01;  // inside the IDAT data
  CHECK(testing::decode_png(file).error.find("bad CRC") == 0);
}

TEST_CASE("encode_png rejects pixels that do not fit the size", "[plot][png]") {
  CHECK_THROWS_AS(encode_png(std::vector<std::uint8_t>(10), 3, 3), ValueError);
  CHECK_THROWS_AS(encode_png(std::vector<std::uint8_t>(18), 3, 3), ValueError);  // 2 channels
  CHECK_THROWS_AS(encode_png({}, 0, 0), ValueError);
  CHECK_THROWS_WITH(encode_png(std::vector<std::uint8_t>(10), 3, 3),
                    Catch::Contains("10 bytes for 3x3"));
}

TEST_CASE("base64 follows RFC 4648", "[plot][png]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string("\xff\xfe\x00", 3)) == "//4A");
  CHECK(png_data_uri({0}, 1, 1).rfind("data:image/png;base64,iVBORw0KGgo", 0) == 0);
}

TEST_CASE("write_png writes the file that encode_png returns", "[plot][png]") {
  const std::string path = "png_test_output.png";
  const auto pixels = pattern(10, 6, 3);
  write_png(path, pixels, 10, 6);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  CHECK(bytes.str() == encode_png(pixels, 10, 6));
  std::remove(path.c_str());
}

}  // namespace nn::plot
