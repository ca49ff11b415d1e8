// The evidence for nn::gemm's thread policy: each matrix product of the classification
// chapter's training step (batch 32, 784-300-100-10), timed as one sgemm call and cut in two
// blocks (of C's columns, or of its rows) run on one thread and on two. The modes take turns
// in rounds of 50 calls, and each figure is the fastest round, so a busy machine blurs them
// all alike. The last column is the split nn::gemm chooses.
//
//   bazel run //bench:gemm_shapes
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "lib/gemm.h"
#include "lib/random.h"

namespace {

struct Shape {
  const char* name;
  bool trans_a, trans_b;
  std::size_t m, n, k;
};

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 40;
  const std::size_t b = 32;
  const Shape shapes[] = {
      {"forward 1   x·W1", false, false, b, 300, 784},
      {"forward 2   h1·W2", false, false, b, 100, 300},
      {"forward 3   h2·W3", false, false, b, 10, 100},
      {"weights 1   xᵀ·dz1", true, false, 784, 300, b},
      {"weights 2   h1ᵀ·dz2", true, false, 300, 100, b},
      {"weights 3   h2ᵀ·dz3", true, false, 100, 10, b},
      {"inputs 2    dz2·W2ᵀ", false, true, b, 300, 100},
      {"inputs 3    dz3·W3ᵀ", false, true, b, 100, 10},
  };
  nn::Rng rng(1);
  std::printf("%-22s %9s %9s %9s %9s %9s   %s\n", "product (m, n, k)", "1 call", "cols 1t",
              "cols 2t", "rows 1t", "rows 2t", "nn::gemm");
  std::printf("%-22s %9s %9s %9s %9s %9s\n", "", "us", "us", "us", "us", "us");
  double per_step[2] = {0, 0};  // one call each; nn::gemm's choice on two threads
  for (const Shape& s : shapes) {
    const nn::Tensor A = s.trans_a ? rng.normal_tensor(s.k, s.m, 0.0f, 0.3f)
                                   : rng.normal_tensor(s.m, s.k, 0.0f, 0.3f);
    const nn::Tensor B = s.trans_b ? rng.normal_tensor(s.n, s.k, 0.0f, 0.3f)
                                   : rng.normal_tensor(s.k, s.n, 0.0f, 0.3f);
    nn::Tensor C = rng.normal_tensor(s.m, s.n, 0.0f, 0.3f);
    const nn::detail::GemmSplit one{1, false}, cols{2, false}, rows{2, true};
    const struct {
      nn::detail::GemmSplit split;
      int threads;
    } modes[] = {{one, 1}, {cols, 1}, {cols, 2}, {rows, 1}, {rows, 2}};
    double best[5] = {1e9, 1e9, 1e9, 1e9, 1e9};
    const int calls = 50;
    for (int round = 0; round < rounds; ++round) {
      for (int i = 0; i < 5; ++i) {
        nn::set_blas_threads(modes[i].threads);
        const auto start = std::chrono::steady_clock::now();
        for (int c = 0; c < calls; ++c) {
          nn::detail::gemm_with(modes[i].split, A, B, C, s.trans_a, s.trans_b, 1e-6f, 1.0f);
        }
        const double us =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() /
            calls * 1e6;
        best[i] = std::min(best[i], us);
      }
    }
    const nn::detail::GemmSplit chosen = nn::detail::gemm_split(s.m, s.n, s.k);
    const std::string choice = chosen.blocks == 1 ? "one call"
                               : chosen.rows      ? "rows, 2 blocks"
                                                  : "cols, 2 blocks";
    char label[64];
    std::snprintf(label, sizeof label, "%s (%zu, %zu, %zu)", s.name, s.m, s.n, s.k);
    std::printf("%-22s %9.1f %9.1f %9.1f %9.1f %9.1f   %s\n", s.name, best[0], best[1], best[2],
                best[3], best[4], choice.c_str());
    per_step[0] += best[0];
    per_step[1] += chosen.blocks == 1 ? best[0] : chosen.rows ? best[4] : best[2];
  }
  std::printf(
      "per training step: %.1f us as single calls, %.1f us as nn::gemm cuts them on two "
      "threads (%.2fx)\n",
      per_step[0], per_step[1], per_step[0] / per_step[1]);
  return 0;
}
