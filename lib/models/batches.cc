#include "lib/models/batches.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <mutex>

#include "lib/error.h"
#include "lib/models/model.h"

extern "C" void openblas_set_num_threads(int num_threads);

namespace nn {
namespace {

std::atomic<bool> blas_threads_chosen{false};

}  // namespace

void set_blas_threads(int threads) {
  blas_threads_chosen = true;
  openblas_set_num_threads(std::max(1, threads));
}

namespace detail {

// One OpenBLAS thread unless the user chose: the bits of a result depend on the thread count.
void default_blas_threads() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (!blas_threads_chosen && std::getenv("OPENBLAS_NUM_THREADS") == nullptr) {
      openblas_set_num_threads(1);
    }
  });
}

void check_rows(const std::string& who, const Arrays& x, const Arrays& y) {
  if (x.size() == 0) throw ValueError(who + ": x holds no arrays");
  for (const Arrays* arrays : {&x, &y}) {
    for (std::size_t i = 0; i < arrays->size(); ++i) {
      if ((*arrays)[i].shape()[0] != x.rows()) {
        throw ShapeError(who + ": x has " + std::to_string(x.rows()) + " rows but " +
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

void gather(const Arrays& arrays, const std::size_t* index, std::size_t count,
            std::vector<Tensor>& batch) {
  batch.resize(arrays.size());
  for (std::size_t a = 0; a < arrays.size(); ++a) {
    const Tensor& source = arrays[a];
    const std::size_t cols = source.shape()[1];
    if (batch[a].shape() != std::array<std::size_t, 2>{count, cols}) {
      batch[a] = Tensor::from_shape({count, cols});
    }
    for (std::size_t r = 0; r < count && cols > 0; ++r) {
      std::copy_n(&source(index[r], 0), cols, &batch[a](r, 0));
    }
  }
}

}  // namespace detail
}  // namespace nn
