// Test helpers of chapter 5's exercises: a model's Dense layers found by what they compute
// (their kernel's shape), not by their names, a Dense layer's output computed by hand, and
// two outputs compared with those computed by hand.
#pragma once

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <vector>

#include "lib/nn.h"

namespace exercises::testing {

/// The model's one Dense layer with an (in, out) kernel; fails the test if there is not
/// exactly one.
inline std::shared_ptr<nn::DenseLayer> dense_with_kernel(const nn::Model& model, std::size_t in,
                                                         std::size_t out) {
  std::vector<std::shared_ptr<nn::DenseLayer>> found;
  for (const auto& layer : model.layers()) {
    auto dense = std::dynamic_pointer_cast<nn::DenseLayer>(layer);
    if (dense && dense->built() && dense->kernel().value().shape(0) == in &&
        dense->kernel().value().shape(1) == out) {
      found.push_back(dense);
    }
  }
  INFO("Dense layers with a (" << in << ", " << out << ") kernel: " << found.size());
  REQUIRE(found.size() == 1);
  return found[0];
}

/// How many Dense layers the model has.
inline std::size_t dense_count(const nn::Model& model) {
  std::size_t count = 0;
  for (const auto& layer : model.layers()) {
    count += std::dynamic_pointer_cast<nn::DenseLayer>(layer) != nullptr;
  }
  return count;
}

/// y = x·W + b, then ReLU if asked: (rows, in) -> (rows, out), with plain loops.
inline nn::Tensor affine(const nn::Tensor& x, nn::DenseLayer& layer, bool relu) {
  const nn::Tensor& W = layer.kernel().value();
  const nn::Tensor& b = layer.bias().value();
  nn::Tensor y = nn::Tensor::from_shape({x.shape(0), W.shape(1)});
  for (std::size_t r = 0; r < x.shape(0); ++r) {
    for (std::size_t c = 0; c < W.shape(1); ++c) {
      double z = b(0, c);
      for (std::size_t k = 0; k < x.shape(1); ++k) z += double(x(r, k)) * W(k, c);
      y(r, c) = static_cast<float>(relu ? std::max(0.0, z) : z);
    }
  }
  return y;
}

/// Checks a two-output model's predictions `got` against the main and auxiliary outputs
/// computed by hand, (rows, 1) each, row by row.
inline void check_main_and_aux(const std::vector<nn::Tensor>& got, const nn::Tensor& main,
                               const nn::Tensor& aux) {
  REQUIRE(got.size() == 2);
  REQUIRE(got[0].shape() == main.shape());
  REQUIRE(got[1].shape() == aux.shape());
  for (std::size_t r = 0; r < main.shape(0); ++r) {
    INFO("row " << r << ": main " << got[0](r, 0) << " (expected " << main(r, 0) << "), aux "
                << got[1](r, 0) << " (expected " << aux(r, 0) << ")");
    CHECK(got[0](r, 0) == Approx(main(r, 0)).margin(1e-5));
    CHECK(got[1](r, 0) == Approx(aux(r, 0)).margin(1e-5));
  }
}

}  // namespace exercises::testing
