#pragma once
// Test helpers for chapter 2's exercises: compare tensors and say what differs, with shapes.
// Used by the tests only (the target is testonly).

#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <string>

#include "lib/tensor.h"

namespace exercises::testing {

/// The tensor as text with its shape: "(2, 3) [[1, 2, 3], [4, 5, 6]]".
inline std::string describe(const nn::Tensor& t) {
  std::ostringstream out;
  out << nn::shape_string(t) << " [";
  for (std::size_t i = 0; i < t.shape(0); ++i) {
    out << (i ? ", [" : "[");
    for (std::size_t j = 0; j < t.shape(1); ++j) out << (j ? ", " : "") << t(i, j);
    out << "]";
  }
  out << "]";
  return out.str();
}

/// Checks that `got` has `expected`'s shape and every entry within atol + rtol·|expected|;
/// on failure shows both tensors and the first entry that differs.
inline void check_close(const std::string& what, const nn::Tensor& got, const nn::Tensor& expected,
                        double atol = 1e-5, double rtol = 1e-5) {
  INFO(what << "\n  expected " << describe(expected) << "\n  got      " << describe(got));
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t i = 0; i < expected.shape(0); ++i) {
    for (std::size_t j = 0; j < expected.shape(1); ++j) {
      const double e = expected(i, j), g = got(i, j);
      INFO("entry (" << i << ", " << j << "): expected " << e << ", got " << g);
      REQUIRE(std::abs(g - e) <= atol + rtol * std::abs(e));
    }
  }
}

}  // namespace exercises::testing
