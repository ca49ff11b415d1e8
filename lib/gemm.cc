#include "lib/gemm.h"

#ifndef NN_NO_BLAS
#include <cblas.h>
#endif

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "lib/error.h"
#include "lib/parallel.h"

#ifndef NN_NO_BLAS
extern "C" void openblas_set_num_threads(int num_threads);
#endif

namespace nn {
namespace {

// Products smaller than this many multiply-adds run as one call: below it, handing half to
// another thread costs about what it saves (bench/gemm_shapes measures it).
constexpr std::size_t kSplitWork = 1u << 18;

#ifdef NN_NO_THREADS
constexpr int kMaxThreads = 1;
#else
constexpr int kMaxThreads = 2;
#endif

int default_threads() {
#ifndef NN_NO_BLAS
  // OpenBLAS runs one thread per call: the two threads are ours, and blocks are fixed.
  openblas_set_num_threads(1);
#endif
  if (kMaxThreads == 1) return 1;
  if (const char* env = std::getenv("OPENBLAS_NUM_THREADS")) return std::atoi(env) >= 2 ? 2 : 1;
  return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

std::atomic<int>& thread_count() {
  static std::atomic<int> count{default_threads()};
  return count;
}

// One call of the BLAS routine, or of the portable loops when the build has none.
void sgemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k, float alpha,
           const float* a, std::size_t lda, const float* b, std::size_t ldb, float beta, float* c,
           std::size_t ldc) {
#ifdef NN_NO_BLAS
  detail::portable_sgemm(trans_a, trans_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
#else
  cblas_sgemm(CblasRowMajor, trans_a ? CblasTrans : CblasNoTrans,
              trans_b ? CblasTrans : CblasNoTrans, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
#endif
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
    if (split.rows) {  // op(A)'s rows: A's rows, or A's columns when transposed
      const float* a_block = a + (trans_a ? begin : begin * lda);
      sgemm(trans_a, trans_b, end - begin, n, k, alpha, a_block, lda, b, ldb, beta, c + begin * ldc,
            ldc);
    } else {  // op(B)'s columns: B's columns, or B's rows when transposed
      const float* b_block = b + (trans_b ? begin * ldb : begin);
      sgemm(trans_a, trans_b, m, end - begin, k, alpha, a, lda, b_block, ldb, beta, c + begin, ldc);
    }
  }
};

}  // namespace

void set_blas_threads(int threads) {
  if (threads < 1) {
    throw ValueError("set_blas_threads: threads must be 1 or more, got " + std::to_string(threads));
  }
  thread_count().store(std::min(threads, kMaxThreads));
}

int blas_threads() { return thread_count().load(); }

namespace detail {

// The portable product: C = beta·C first, then, block by block of k and n, each row of C
// gains alpha·op(A)[i, p] times row p of op(B). The innermost loop runs along a row of C and
// a row of op(B), both contiguous (op(B) is copied into a block when B is transposed), so
// the compiler vectorizes it (SSE here, WebAssembly SIMD in the browser).
void portable_sgemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k,
                    float alpha, const float* a, std::size_t lda, const float* b, std::size_t ldb,
                    float beta, float* c, std::size_t ldc) {
  for (std::size_t i = 0; i < m; ++i) {
    float* row = c + i * ldc;
    if (beta == 0.0f) {
      std::fill(row, row + n, 0.0f);
    } else if (beta != 1.0f) {
      for (std::size_t j = 0; j < n; ++j) row[j] *= beta;
    }
  }
  if (alpha == 0.0f || k == 0) return;
  constexpr std::size_t kc = 128, nc = 512;  // a block of op(B): 256 KB at most
  std::vector<float> packed(trans_b ? kc * std::min(n, nc) : 0);
  for (std::size_t p0 = 0; p0 < k; p0 += kc) {
    const std::size_t p1 = std::min(k, p0 + kc);
    for (std::size_t j0 = 0; j0 < n; j0 += nc) {
      const std::size_t width = std::min(n, j0 + nc) - j0;
      // op(B)[p0..p1, j0..j0+width): B's own rows, or B's columns copied into rows.
      const float* block = b + p0 * ldb + j0;
      std::size_t stride = ldb;
      if (trans_b) {
        for (std::size_t p = p0; p < p1; ++p) {
          for (std::size_t j = 0; j < width; ++j)
            packed[(p - p0) * width + j] = b[(j0 + j) * ldb + p];
        }
        block = packed.data();
        stride = width;
      }
      for (std::size_t i = 0; i < m; ++i) {
        float* __restrict row = c + i * ldc + j0;
        for (std::size_t p = p0; p < p1; ++p) {
          const float scale = alpha * (trans_a ? a[p * lda + i] : a[i * lda + p]);
          const float* __restrict b_row = block + (p - p0) * stride;
          for (std::size_t j = 0; j < width; ++j) row[j] += scale * b_row[j];
        }
      }
    }
  }
}

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
