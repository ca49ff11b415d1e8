// nn::gemm against a plain loop in double precision, and its promise: one thread or two, the
// same bits.
#include "lib/gemm.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <thread>

#include "lib/random.h"

namespace {

// C = alpha·op(A)·op(B) + beta·C in double precision, one element at a time.
nn::Tensor reference(const nn::Tensor& A, const nn::Tensor& B, const nn::Tensor& C, bool trans_a,
                     bool trans_b, float alpha, float beta) {
  const std::size_t m = C.shape()[0], n = C.shape()[1];
  const std::size_t k = trans_a ? A.shape()[0] : A.shape()[1];
  nn::Tensor out = C;
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double sum = 0.0;
      for (std::size_t p = 0; p < k; ++p) {
        sum += static_cast<double>(trans_a ? A(p, i) : A(i, p)) * (trans_b ? B(j, p) : B(p, j));
      }
      out(i, j) = static_cast<float>(alpha * sum + beta * static_cast<double>(C(i, j)));
    }
  }
  return out;
}

struct Case {
  std::size_t m, n, k;
  bool trans_a, trans_b;
};

// The products of a 784-300-100-10 step at batch 32 (forward, input gradient, weight
// gradient), and small ones that gemm() runs as one call.
const Case kCases[] = {
    {32, 300, 784, false, false}, {32, 100, 300, false, false}, {32, 10, 100, false, false},
    {32, 300, 100, false, true},  {32, 100, 10, false, true},   {784, 300, 32, true, false},
    {300, 100, 32, true, false},  {100, 10, 32, true, false},   {5, 7, 3, true, true},
};

nn::Tensor operand(std::size_t rows, std::size_t cols, nn::Rng& rng) {
  return rng.normal_tensor(rows, cols);
}

// Restores the thread count a test changed.
struct ThreadsGuard {
  int saved = nn::blas_threads();
  ~ThreadsGuard() { nn::set_blas_threads(saved); }
};

}  // namespace

TEST_CASE("gemm computes alpha·op(A)·op(B) + beta·C for every transpose") {
  nn::Rng rng(5);
  for (const Case& c : kCases) {
    const nn::Tensor A = c.trans_a ? operand(c.k, c.m, rng) : operand(c.m, c.k, rng);
    const nn::Tensor B = c.trans_b ? operand(c.n, c.k, rng) : operand(c.k, c.n, rng);
    const nn::Tensor C0 = operand(c.m, c.n, rng);
    for (const auto& [alpha, beta] : {std::pair{1.0f, 0.0f}, {1.0f, 1.0f}, {-0.01f, 1.0f}}) {
      CAPTURE(c.m, c.n, c.k, c.trans_a, c.trans_b, alpha, beta);
      nn::Tensor C = C0;
      nn::gemm(A, B, C, c.trans_a, c.trans_b, alpha, beta);
      const nn::Tensor expected = reference(A, B, C0, c.trans_a, c.trans_b, alpha, beta);
      double worst = 0.0;  // relative to the size of a sum of k products of unit normals
      for (std::size_t i = 0; i < C.size(); ++i) {
        worst = std::max(worst, std::abs(static_cast<double>(C.data()[i]) - expected.data()[i]));
      }
      CHECK(worst / std::sqrt(static_cast<double>(c.k)) < 1e-5);
    }
  }
}

TEST_CASE("with beta = 0, C's old values are never read (NaN garbage is overwritten)") {
  nn::Rng rng(6);
  const nn::Tensor A = operand(32, 784, rng), B = operand(784, 300, rng);
  nn::Tensor C = nn::Tensor::from_shape({32, 300});
  for (float& v : C) v = std::numeric_limits<float>::quiet_NaN();
  nn::gemm(A, B, C, false, false, 1.0f, 0.0f);
  for (float v : C) REQUIRE(std::isfinite(v));
}

TEST_CASE("one thread or two: the same bits") {
  ThreadsGuard guard;
  nn::Rng rng(7);
  for (const Case& c : kCases) {
    CAPTURE(c.m, c.n, c.k, c.trans_a, c.trans_b);
    const nn::Tensor A = c.trans_a ? operand(c.k, c.m, rng) : operand(c.m, c.k, rng);
    const nn::Tensor B = c.trans_b ? operand(c.n, c.k, rng) : operand(c.k, c.n, rng);
    const nn::Tensor C0 = operand(c.m, c.n, rng);
    nn::Tensor one = C0, two = C0;
    nn::set_blas_threads(1);
    nn::gemm(A, B, one, c.trans_a, c.trans_b, 0.5f, 1.0f);
    nn::set_blas_threads(2);
    nn::gemm(A, B, two, c.trans_a, c.trans_b, 0.5f, 1.0f);
    CHECK(bool(one == two));
  }
}

TEST_CASE("two threads calling gemm at once both get their own, exact results") {
  ThreadsGuard guard;
  nn::set_blas_threads(2);
  nn::Rng rng(8);
  const nn::Tensor A = operand(32, 784, rng), B = operand(784, 300, rng);
  nn::Tensor alone = nn::Tensor::from_shape({32, 300});
  nn::gemm(A, B, alone, false, false, 1.0f, 0.0f);
  // One caller holds the helper thread; the other runs both its blocks itself.
  std::vector<nn::Tensor> results(2, nn::Tensor::from_shape({32, 300}));
  auto many = [&](nn::Tensor& out) {
    for (int r = 0; r < 200; ++r) nn::gemm(A, B, out, false, false, 1.0f, 0.0f);
  };
  std::thread other(many, std::ref(results[1]));
  many(results[0]);
  other.join();
  CHECK(bool(results[0] == alone));
  CHECK(bool(results[1] == alone));
}

TEST_CASE("the split is a function of the shapes: small products run as one call") {
  CHECK(nn::detail::gemm_split(32, 10, 100).blocks == 1);   // 32,000 multiply-adds
  CHECK(nn::detail::gemm_split(32, 300, 784).blocks == 2);  // C's columns
  CHECK_FALSE(nn::detail::gemm_split(32, 300, 784).rows);
  CHECK(nn::detail::gemm_split(784, 300, 32).blocks == 2);  // a tall weight gradient: rows
  CHECK(nn::detail::gemm_split(784, 300, 32).rows);
  CHECK_THROWS_AS(nn::set_blas_threads(0), std::exception);
}
