// Mistake: takes log(p) without clipping p into [eps, 1 - eps]: a confident 0 or 1 gives infinity.
#include "exercises/04_classification_mlp/multilabel_metrics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace exercises {
namespace {

void check(const char* who, const nn::Tensor& t, const nn::Tensor& p) {
  if (t.shape() != p.shape()) {
    throw std::invalid_argument(std::string(who) + ": targets " + nn::shape_string(t) +
                                " and probabilities " + nn::shape_string(p) + " differ");
  }
  if (t.size() == 0) throw std::invalid_argument(std::string(who) + ": no answers");
}

}  // namespace

double binary_crossentropy(const nn::Tensor& t, const nn::Tensor& p) {
  check("binary_crossentropy", t, p);
  const double eps = 1e-7;
  double total = 0.0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    (void)eps;
    const double q = p.flat(i);
    total -= t.flat(i) * std::log(q) + (1.0 - t.flat(i)) * std::log(1.0 - q);
  }
  return total / t.size();
}

double binary_accuracy(const nn::Tensor& t, const nn::Tensor& p, float threshold) {
  check("binary_accuracy", t, p);
  std::size_t right = 0;
  for (std::size_t i = 0; i < t.size(); ++i) right += (p.flat(i) > threshold) == (t.flat(i) > 0.5f);
  return static_cast<double>(right) / t.size();
}

double exact_match_ratio(const nn::Tensor& t, const nn::Tensor& p, float threshold) {
  check("exact_match_ratio", t, p);
  std::size_t rows_right = 0;
  for (std::size_t i = 0; i < t.shape(0); ++i) {
    bool all = true;
    for (std::size_t j = 0; j < t.shape(1); ++j)
      all = all && (p(i, j) > threshold) == (t(i, j) > 0.5f);
    rows_right += all;
  }
  return static_cast<double>(rows_right) / t.shape(0);
}

}  // namespace exercises
