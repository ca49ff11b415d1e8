#pragma once
// A grid of small images with captions, as the book shows Fashion-MNIST: each image with its
// predicted and true class underneath, green when right and red when wrong.
//
//   nn::plot::image_grid(X_test_first_20, 28, 28, 10, captions, colors)
//       .save("out/predictions.svg");
//
// As SVG, every image is a small PNG embedded as a data URI, already enlarged `scale` times
// so that no viewer blurs it (a 20-image grid is some 30 kB), and the captions are text; as PNG
// (save("x.png")), the images are one mosaic, each framed in its caption's colour.

#include <cstdint>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn::plot {

/// Options of ImageGrid.
struct ImageGridOptions {
  /// Images per row.
  int cols = 10;
  /// One caption per image, or none; "\n" starts a second line.
  std::vector<std::string> captions;
  /// One caption colour ("#rrggbb") per image, or none for dark grey.
  std::vector<std::string> caption_colors;
  /// Screen pixels per image pixel in the SVG (1 to 8).
  int scale = 3;
  /// Draw 0 as white and 1 as black (ink on paper, as the Keras book shows Fashion-MNIST).
  bool invert = true;
  /// A title above the grid.
  std::string title;
};

/// A grid of images (n, height·width) with values in [0, 1], grey, or (n, height·width·3) RGB.
class ImageGrid {
 public:
  /// The grid of `images`; throws nn::ShapeError when a row is not height·width (·3) values
  /// and nn::ValueError when the captions or colours do not match the images in number.
  ImageGrid(const Tensor& images, int height, int width, ImageGridOptions options = {});
  /// The grid as an SVG document with captions.
  std::string svg() const;
  /// The grid as the bytes of one PNG mosaic (no text; frames in the caption colours).
  std::string png() const;
  /// Writes png() if `path` ends in ".png", svg() otherwise, atomically; nn::Error on failure.
  void save(const std::string& path) const;

 private:
  std::vector<std::uint8_t> pixels(std::size_t i) const;  // image i, 1 or 3 bytes a pixel
  Tensor images_;
  int height_, width_, channels_;
  ImageGridOptions options_;
};

/// The grid of `images` (n, height·width) in [0, 1], `cols` to a row, with captions and
/// their colours (either may be empty).
ImageGrid image_grid(const Tensor& images, int height, int width, int cols = 10,
                     const std::vector<std::string>& captions = {},
                     const std::vector<std::string>& caption_colors = {});

}  // namespace nn::plot
