#pragma once
// Two threads for the work of one training step: the caller and one helper thread that the
// library starts once and keeps. nn::gemm cuts a large product into two blocks and runs them
// here; fit() gathers the halves of a batch here. The caller always runs a block itself and
// takes the other too when the helper is busy (another thread's work), so nothing waits on a
// lock, and which thread runs a block never changes its numbers. A build that defines
// NN_NO_THREADS (the WebAssembly build) runs the blocks one after the other on the caller.

namespace nn::detail {

/// A block of work: task(context, b) runs block b.
using BlockTask = void (*)(const void* context, int block);

/// Runs task(context, b) for b in [0, blocks): on this thread and the helper, and returns
/// when all are done. Call it only when blas_threads() is 2 (lib/gemm.h); with one thread,
/// run the blocks in a plain loop.
void run_blocks(BlockTask task, const void* context, int blocks);

}  // namespace nn::detail
