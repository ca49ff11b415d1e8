#include "lib/gemm.h"

#include <cblas.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstdlib>
#include <string>
#include <thread>

#include "lib/error.h"
#include "lib/parallel.h"

extern "C" void openblas_set_num_threads(int num_threads);

namespace nn {
namespace {

// Products smaller than this many multiply-adds run as one call: below it, handing half to
// another thread costs about what it saves (bench/gemm_shapes measures it).
constexpr std::size_t kSplitWork = 1u << 18;

int default_threads() {
  // OpenBLAS runs one thread per call: the two threads are ours, and blocks are fixed.
  openblas_set_num_threads(1);
  if (const char* env = std::getenv("OPENBLAS_NUM_THREADS")) return std::atoi(env) >= 2 ? 2 : 1;
  return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

std::atomic<int>& thread_count() {
  static std::atomic<int> count{default_threads()};
  return count;
}

// One product in row-major storage, and how to take a block of its rows or columns.
struct Product {
  bool trans_a, trans_b;
  std::size_t m, n, k;
  float alpha;
  const float* a;
  std::size_t lda;
  const float* b;
  std::size_t ldb;
  float beta;
  float* c;
  std::size_t ldc;
  detail::GemmSplit split;
  std::size_t cut;  // the first row or column of block 1

  // C[rows r0..r1) = op(A)[r0..r1) · op(B), or C[:, c0..c1) = op(A) · op(B)[:, c0..c1).
  void block(int index) const {
    const std::size_t begin = index == 0 ? 0 : cut;
    const std::size_t end = split.blocks == 1 || index == 1 ? (split.rows ? m : n) : cut;
    if (end <= begin) return;
    const CBLAS_TRANSPOSE ta = trans_a ? CblasTrans : CblasNoTrans;
    const CBLAS_TRANSPOSE tb = trans_b ? CblasTrans : CblasNoTrans;
    if (split.rows) {  // op(A)'s rows: A's rows, or A's columns when transposed
      const float* a_block = a + (trans_a ? begin : begin * lda);
      cblas_sgemm(CblasRowMajor, ta, tb, end - begin, n, k, alpha, a_block, lda, b, ldb, beta,
                  c + begin * ldc, ldc);
    } else {  // op(B)'s columns: B's columns, or B's rows when transposed
      const float* b_block = b + (trans_b ? begin * ldb : begin);
      cblas_sgemm(CblasRowMajor, ta, tb, m, end - begin, k, alpha, a, lda, b_block, ldb, beta,
                  c + begin, ldc);
    }
  }
};

}  // namespace

void set_blas_threads(int threads) {
  if (threads < 1) {
    throw ValueError("set_blas_threads: threads must be 1 or more, got " + std::to_string(threads));
  }
  thread_count().store(threads >= 2 ? 2 : 1);
}

int blas_threads() { return thread_count().load(); }

namespace detail {

GemmSplit gemm_split(std::size_t m, std::size_t n, std::size_t k) {
  detail::GemmSplit split;
  if (m * n * k < kSplitWork) return split;
  split.rows = m >= 2 * n;  // a tall C (a weight gradient xᵀ·dz) is cut across its rows
  if ((split.rows ? m : n) >= 32) split.blocks = 2;
  return split;
}

void gemm_with(const GemmSplit& split, const Tensor& A, const Tensor& B, Tensor& C, bool trans_a,
               bool trans_b, float alpha, float beta) {
  const std::size_t m = C.shape()[0], n = C.shape()[1];
  const std::size_t k = trans_a ? A.shape()[0] : A.shape()[1];
  assert((trans_a ? A.shape()[1] : A.shape()[0]) == m);
  assert((trans_b ? B.shape()[1] : B.shape()[0]) == k);
  assert((trans_b ? B.shape()[0] : B.shape()[1]) == n);
  if (m == 0 || n == 0) return;
  thread_count();  // OpenBLAS set to one thread per call before the first product
  Product p{trans_a,
            trans_b,
            m,
            n,
            k,
            alpha,
            A.data(),
            A.shape()[1],
            B.data(),
            B.shape()[1],
            beta,
            C.data(),
            C.shape()[1],
            split,
            0};
  // Block 1 starts at the multiple of 16 (an AVX-512 register of floats) nearest the middle.
  const std::size_t extent = split.rows ? m : n;
  p.cut = std::min(extent, std::max<std::size_t>(16, (extent / 2 + 8) / 16 * 16));
  if (split.blocks == 1) {
    p.block(0);
  } else if (blas_threads() == 1) {
    p.block(0);
    p.block(1);
  } else {
    run_blocks([](const void* product, int b) { static_cast<const Product*>(product)->block(b); },
               &p, 2);
  }
}

}  // namespace detail

void gemm(const Tensor& A, const Tensor& B, Tensor& C, bool trans_a, bool trans_b, float alpha,
          float beta) {
  const std::size_t k = trans_a ? A.shape()[0] : A.shape()[1];
  detail::gemm_with(detail::gemm_split(C.shape()[0], C.shape()[1], k), A, B, C, trans_a, trans_b,
                    alpha, beta);
}

}  // namespace nn
