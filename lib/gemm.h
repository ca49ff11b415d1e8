#pragma once
// Matrix products: C = α·op(A)·op(B) + β·C on tensors that already exist, straight to BLAS
// (OpenBLAS's sgemm), with the transposes as flags so that no transposed copy is made.
//
// Two threads, the same bits. A large product is cut into two blocks of C (its columns, or
// its rows when C is much taller than wide), and the blocks run at the same time on up to
// blas_threads() threads, each block one single-threaded sgemm call. Where to cut depends on
// the shapes alone, never on the thread count or the machine, and a block's numbers do not
// depend on which thread computes it: one thread or two, every run gives the same bits (on a
// machine with the same BLAS kernel). The calling thread computes a block too and takes the
// other as well when the helper thread is not free, so a busy machine costs speed only.
//
//   C: (m, n)   op(A): (m, k)   op(B): (k, n)   op(X) = Xᵀ when its flag is true
//
// Without BLAS. A build that defines NN_NO_BLAS (the WebAssembly build of the Playground,
// tools/build_wasm.py) has no OpenBLAS: its products run through detail::portable_sgemm,
// plain blocked loops that the compiler vectorizes. A build that defines NN_NO_THREADS has one
// thread: blas_threads() is always 1 and nothing starts a thread.

#include <cstddef>

#include "lib/tensor.h"

namespace nn {

/// C = alpha·op(A)·op(B) + beta·C, where op(X) is Xᵀ if its flag is set. C must already have
/// the product's shape (checked with assert only: the callers check their shapes). With
/// beta = 0, C's old values are never read (they may be uninitialised).
void gemm(const Tensor& A, const Tensor& B, Tensor& C, bool trans_a, bool trans_b, float alpha,
          float beta);

/// Sets how many threads the matrix products use: 1, or 2 (more are treated as 2: a product
/// is cut into two blocks at most). The default is 2 on a machine with two cores or more (1
/// otherwise), or OPENBLAS_NUM_THREADS when it is set. The results do not depend on it.
/// Throws ValueError for fewer than 1.
void set_blas_threads(int threads);

/// The number of threads the matrix products use (1 or 2).
int blas_threads();

namespace detail {

/// How gemm() cuts a product: into `blocks` (1 or 2) pieces of C's rows (`rows` true) or
/// columns. A function of the shapes alone.
struct GemmSplit {
  int blocks = 1;     ///< 1: one call; 2: two calls that may run at the same time
  bool rows = false;  ///< cut C's rows rather than its columns
};

/// The split gemm() uses for C (m, n) = op(A) (m, k) · op(B) (k, n).
GemmSplit gemm_split(std::size_t m, std::size_t n, std::size_t k);

/// C = alpha·op(A)·op(B) + beta·C on row-major arrays, as cblas_sgemm(CblasRowMajor, ...) takes
/// them (lda, ldb, ldc: the row strides), in plain loops: what gemm() runs when the build has
/// no BLAS (NN_NO_BLAS). Compiled in every build, so the native tests compare it with BLAS.
/// With beta = 0, C's old values are never read.
void portable_sgemm(bool trans_a, bool trans_b, std::size_t m, std::size_t n, std::size_t k,
                    float alpha, const float* a, std::size_t lda, const float* b, std::size_t ldb,
                    float beta, float* c, std::size_t ldc);

/// gemm() with a given split, for the benchmark that measures the policy (bench/gemm_shapes).
void gemm_with(const GemmSplit& split, const Tensor& A, const Tensor& B, Tensor& C, bool trans_a,
               bool trans_b, float alpha, float beta);

}  // namespace detail
}  // namespace nn
