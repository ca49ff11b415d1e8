#include "lib/models/batches.h"

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/parallel.h"
#include "lib/text.h"

namespace nn::detail {

void check_rows(const std::string& who, const Arrays& x, const Arrays& y) {
  if (x.size() == 0) throw ValueError(who + ": x holds no arrays");
  for (const Arrays* arrays : {&x, &y}) {
    for (std::size_t i = 0; i < arrays->size(); ++i) {
      if ((*arrays)[i].shape()[0] != x.rows()) {
        throw ShapeError(who + ": x has " + count_of(x.rows(), "row") + " but " +
                         (arrays == &x ? "x[" : "y[") + std::to_string(i) + "] is " +
                         shape_string((*arrays)[i]));
      }
    }
  }
}

void check_finite(const std::string& who, const std::string& what, const Arrays& arrays) {
  for (std::size_t a = 0; a < arrays.size(); ++a) {
    const Tensor& t = arrays[a];
    // Quick pass: v − v is 0 for every finite v and NaN otherwise.
    float sum[8] = {};
    const std::size_t n = t.size(), blocks = n / 8 * 8;
    for (std::size_t i = 0; i < blocks; i += 8) {
      for (std::size_t k = 0; k < 8; ++k) sum[k] += t.data()[i + k] - t.data()[i + k];
    }
    for (std::size_t i = blocks; i < n; ++i) sum[0] += t.data()[i] - t.data()[i];
    if (std::all_of(sum, sum + 8, [](float s) { return s == 0.0f; })) continue;
    for (std::size_t r = 0; r < t.shape()[0]; ++r) {
      for (std::size_t c = 0; c < t.shape()[1]; ++c) {
        if (std::isfinite(t(r, c))) continue;
        const std::string name = arrays.size() > 1 ? what + "[" + std::to_string(a) + "]" : what;
        throw Error(who + ": " + name + " holds " + (std::isnan(t(r, c)) ? "NaN" : "infinity") +
                    " in row " + std::to_string(r) + ", column " + std::to_string(c) +
                    " (counting from 0); clean or impute the data first");
      }
    }
  }
}

namespace {

struct Gather {
  const Arrays* arrays;
  const std::size_t* index;
  std::size_t count;
  std::vector<Tensor>* batch;

  // Rows [begin, end) of the batch, from every array.
  void rows(std::size_t begin, std::size_t end) const {
    for (std::size_t a = 0; a < arrays->size(); ++a) {
      const Tensor& source = (*arrays)[a];
      Tensor& target = (*batch)[a];
      const std::size_t cols = source.shape()[1];
      for (std::size_t r = begin; r < end && cols > 0; ++r) {
        std::copy_n(&source(index[r], 0), cols, &target(r, 0));
      }
    }
  }
};

// Batches smaller than this many floats are copied on one thread: handing half of a small copy
// to the other thread costs more than it saves.
constexpr std::size_t kParallelGather = 1u << 14;

}  // namespace

void gather(const Arrays& arrays, const std::size_t* index, std::size_t count,
            std::vector<Tensor>& batch) {
  batch.resize(arrays.size());
  std::size_t floats = 0;
  for (std::size_t a = 0; a < arrays.size(); ++a) {
    const std::size_t cols = arrays[a].shape()[1];
    if (batch[a].shape() != std::array<std::size_t, 2>{count, cols}) {
      batch[a] = Tensor::from_shape({count, cols});
    }
    floats += count * cols;
  }
  const Gather work{&arrays, index, count, &batch};
  if (floats < kParallelGather || blas_threads() < 2) {
    work.rows(0, count);
    return;
  }
  run_blocks(
      [](const void* context, int half) {
        const Gather& g = *static_cast<const Gather*>(context);
        const std::size_t middle = g.count / 2;
        half == 0 ? g.rows(0, middle) : g.rows(middle, g.count);
      },
      &work, 2);
}

}  // namespace nn::detail
