// The portable product (detail::portable_sgemm, what nn::gemm runs in a build without BLAS,
// such as the Playground's WebAssembly build) against OpenBLAS's sgemm through nn::gemm: every
// transpose, alpha and beta, shapes from one element to several blocks of k and n.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <string>
#include <xtensor/xview.hpp>

#include "lib/gemm.h"
#include "lib/random.h"

namespace {

struct Shape {
  std::size_t m, n, k;
};

// Small products (a Playground network's), odd sizes, and sizes past one block of k (128)
// and of n (512), so the blocking and the copy of a transposed B are crossed.
const Shape kShapes[] = {{1, 1, 1},   {3, 5, 7},     {10, 8, 2},    {250, 8, 8},
                         {8, 1, 250}, {33, 17, 129}, {5, 600, 300}, {64, 513, 64}};

// The portable product of the same operands, written into a copy of C.
nn::Tensor portable(const nn::Tensor& A, const nn::Tensor& B, nn::Tensor C, bool trans_a,
                    bool trans_b, float alpha, float beta) {
  const std::size_t m = C.shape()[0], n = C.shape()[1];
  const std::size_t k = trans_a ? A.shape()[0] : A.shape()[1];
  nn::detail::portable_sgemm(trans_a, trans_b, m, n, k, alpha, A.data(), A.shape()[1], B.data(),
                             B.shape()[1], beta, C.data(), C.shape()[1]);
  return C;
}

}  // namespace

TEST_CASE("portable_sgemm matches BLAS for every transpose, alpha and beta") {
  nn::Rng rng(11);
  const float alphas[] = {1.0f, -0.3f, 0.0f};
  const float betas[] = {0.0f, 1.0f, 0.5f};
  int compared = 0;
  for (const Shape& s : kShapes) {
    for (int t = 0; t < 4; ++t) {
      const bool trans_a = t & 1, trans_b = t & 2;
      const nn::Tensor A = trans_a ? rng.normal_tensor(s.k, s.m) : rng.normal_tensor(s.m, s.k);
      const nn::Tensor B = trans_b ? rng.normal_tensor(s.n, s.k) : rng.normal_tensor(s.k, s.n);
      const nn::Tensor C0 = rng.normal_tensor(s.m, s.n);
      for (float alpha : alphas) {
        for (float beta : betas) {
          nn::Tensor blas = C0;
          nn::gemm(A, B, blas, trans_a, trans_b, alpha, beta);
          const nn::Tensor ours = portable(A, B, C0, trans_a, trans_b, alpha, beta);
          // Sums of k products of unit normals: rounding grows like sqrt(k) times epsilon.
          const double tolerance = 1e-5 * (1.0 + std::sqrt(static_cast<double>(s.k)));
          double worst = 0.0;
          for (std::size_t i = 0; i < s.m; ++i) {
            for (std::size_t j = 0; j < s.n; ++j) {
              worst = std::max(worst, static_cast<double>(std::abs(ours(i, j) - blas(i, j))));
            }
          }
          INFO("(" << s.m << ", " << s.n << ", " << s.k << ") trans_a " << trans_a << " trans_b "
                   << trans_b << " alpha " << alpha << " beta " << beta << ": worst difference "
                   << worst);
          CHECK(worst <= tolerance);
          ++compared;
        }
      }
    }
  }
  CHECK(compared == 8 * 4 * 9);
}

TEST_CASE("portable_sgemm with beta 0 never reads C") {
  nn::Rng rng(3);
  const nn::Tensor A = rng.normal_tensor(4, 6), B = rng.normal_tensor(6, 5);
  nn::Tensor expected = xt::zeros<float>({4, 5});
  nn::gemm(A, B, expected, false, false, 1.0f, 0.0f);
  nn::Tensor C = xt::zeros<float>({4, 5});
  C.fill(std::numeric_limits<float>::quiet_NaN());
  nn::detail::portable_sgemm(false, false, 4, 5, 6, 1.0f, A.data(), 6, B.data(), 5, 0.0f, C.data(),
                             5);
  CHECK(xt::allclose(C, expected, 1e-5, 1e-6));
}

TEST_CASE("portable_sgemm works on a block of a larger array (strides wider than the block)") {
  nn::Rng rng(8);
  const nn::Tensor A = rng.normal_tensor(6, 9), B = rng.normal_tensor(9, 7);
  nn::Tensor C = rng.normal_tensor(6, 7);
  nn::Tensor expected = C;
  nn::gemm(A, B, expected, false, false, 1.0f, 1.0f);
  // Columns 2..6 of C from columns 2..6 of B, through offset pointers and the full strides.
  nn::detail::portable_sgemm(false, false, 6, 5, 9, 1.0f, A.data(), 9, B.data() + 2, 7, 1.0f,
                             C.data() + 2, 7);
  const nn::Tensor got = xt::view(C, xt::all(), xt::range(2, 7));
  const nn::Tensor want = xt::view(expected, xt::all(), xt::range(2, 7));
  CHECK(xt::allclose(got, want, 1e-5, 1e-6));
}
