#include "lib/plot/figure.h"

#include "lib/atomic_file.h"
#include "lib/error.h"

namespace nn::plot {

Figure::Figure(int width_px, int height_px) : width_(width_px), height_(height_px) {
  if (width_px <= 0 || height_px <= 0) {
    throw ValueError("Figure: the size must be positive; got " + std::to_string(width_px) + "x" +
                     std::to_string(height_px));
  }
  subplots(1, 1);
}

void Figure::subplots(int rows, int cols) {
  if (rows <= 0 || cols <= 0) {
    throw ValueError("subplots: rows and cols must be positive; got " + std::to_string(rows) +
                     " and " + std::to_string(cols));
  }
  rows_ = rows, cols_ = cols;
  axes_.clear();
  for (int i = 0; i < rows * cols; ++i) axes_.push_back(std::make_unique<Axes>());
}

Axes& Figure::axes(int index) {
  if (index < 0 || index >= rows_ * cols_) {
    throw ValueError("Figure::axes: no axes " + std::to_string(index) + "; the figure has " +
                     std::to_string(rows_ * cols_) + " (indices 0 to " +
                     std::to_string(rows_ * cols_ - 1) + ")");
  }
  return *axes_[index];
}

Axes& Figure::axes(int row, int col) {
  if (row < 0 || row >= rows_ || col < 0 || col >= cols_) {
    throw ValueError("Figure::axes: no cell (" + std::to_string(row) + ", " + std::to_string(col) +
                     ") in a " + std::to_string(rows_) + "x" + std::to_string(cols_) + " grid");
  }
  return *axes_[row * cols_ + col];
}

std::string Figure::svg() const {
  Svg svg(width_, height_);
  const double top = title_.empty() ? 0 : 30;
  if (!title_.empty()) {
    svg.text(width_ / 2.0, 21, title_,
             {{"text-anchor", "middle"},
              {"font-size", 15},
              {"font-weight", "bold"},
              {"fill", "#222222"}});
  }
  const double cell_w = double(width_) / cols_, cell_h = (height_ - top) / rows_;
  for (int i = 0; i < rows_ * cols_; ++i) {
    axes_[i]->render(svg, (i % cols_) * cell_w, top + (i / cols_) * cell_h, cell_w, cell_h,
                     "plot" + std::to_string(i));
  }
  return svg.finish();
}

void Figure::save(const std::string& path) const { write_file_atomically(path, svg()); }

}  // namespace nn::plot
