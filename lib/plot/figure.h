#pragma once
// A figure of the book: one SVG file holding one or more Axes in a grid. Every chapter writes
// its figures itself, and the book shows the files as they are.
//
//   nn::plot::Figure fig(640, 400);
//   auto& ax = fig.axes();
//   ax.plot(epochs, loss, {"training loss"});
//   ax.plot(epochs, val_loss, {"validation loss"});
//   ax.xlabel("epoch"); ax.ylabel("loss"); ax.legend();
//   fig.save("out/learning_curves.svg");
//
// Two plots side by side:
//
//   nn::plot::Figure fig(960, 400);
//   fig.subplots(1, 2);
//   fig.axes(0, 0).plot(epochs, loss, {"loss"});
//   fig.axes(0, 1).plot(epochs, accuracy, {"accuracy"});
//
// The same figure always gives the same bytes, so a rebuilt book changes only where the
// numbers changed.

#include <memory>
#include <string>
#include <vector>

#include "lib/plot/axes.h"

namespace nn::plot {

/// A figure: a width × height pixel canvas holding a grid of Axes and an optional title.
class Figure {
 public:
  /// A figure of width × height pixels with one Axes; throws nn::ValueError unless both are
  /// positive.
  explicit Figure(int width_px = 640, int height_px = 400);
  /// Replaces the axes by a grid of rows × cols empty ones (references to the old axes
  /// dangle afterwards); throws nn::ValueError unless both are positive.
  void subplots(int rows, int cols);
  /// The axes at `index`, counted row by row from the top left; nn::ValueError if there is
  /// no such axes.
  Axes& axes(int index = 0);
  /// The axes in grid cell (row, col); nn::ValueError if there is no such cell.
  Axes& axes(int row, int col);
  /// A title above all the axes (matplotlib's suptitle).
  void title(const std::string& text) { title_ = text; }
  /// The figure as an SVG document.
  std::string svg() const;
  /// Writes svg() to `path` atomically (a temporary file beside it, then rename); throws
  /// nn::Error naming the path if it cannot be written, leaving any previous file as it was.
  void save(const std::string& path) const;

 private:
  int width_, height_, rows_ = 1, cols_ = 1;
  std::string title_;
  std::vector<std::unique_ptr<Axes>> axes_;
};

}  // namespace nn::plot
