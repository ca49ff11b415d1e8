#include "lib/parallel.h"

#ifdef NN_NO_THREADS  // a build with one thread (the WebAssembly build): the blocks in turn

namespace nn::detail {

void run_blocks(BlockTask task, const void* context, int blocks) {
  for (int b = 0; b < blocks; ++b) task(context, b);
}

}  // namespace nn::detail

#else

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace nn::detail {
namespace {

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

// Runs the blocks of one task: block 0 on the caller, block 1 on whichever thread takes it
// first, the caller or the helper. The helper spins for a millisecond after each task (the
// next one comes within microseconds during training), then sleeps until woken.
class BlockRunner {
 public:
  using Task = void (*)(const void* context, int block);

  // Runs task(context, b) for b in [0, blocks), on this thread and the helper.
  void run(Task task, const void* context, int blocks) {
    if (busy_.test_and_set(std::memory_order_acquire)) {  // another thread is using the helper
      for (int b = 0; b < blocks; ++b) task(context, b);
      return;
    }
    start_helper();
    Job job{task, context, blocks};
    posted_.store(&job);
    generation_.fetch_add(1);
    if (sleeping_.load()) {
      std::lock_guard<std::mutex> lock(mutex_);
      wake_.notify_one();
    }
    work(job);
    while (job.done.load(std::memory_order_acquire) < blocks) cpu_relax();
    posted_.store(nullptr);
    while (inside_.load() != 0) cpu_relax();  // the helper may still hold a pointer to `job`
    busy_.clear(std::memory_order_release);
  }

 private:
  struct Job {
    Task task;
    const void* context;
    int blocks;
    std::atomic<int> next{0}, done{0};
  };

  static void work(Job& job) {
    for (int b; (b = job.next.fetch_add(1)) < job.blocks;) {
      job.task(job.context, b);
      job.done.fetch_add(1, std::memory_order_release);
    }
  }

  void start_helper() {
    if (started_) return;
    started_ = true;
    std::thread([this] { helper(); }).detach();  // lives as long as the process
  }

  void helper() {
    std::uint64_t seen = generation_.load();
    for (;;) {
      auto idle_since = std::chrono::steady_clock::now();
      for (int spins = 1; generation_.load() == seen; ++spins) {
        cpu_relax();
        if (spins % 1024 != 0) continue;
        if (std::chrono::steady_clock::now() - idle_since < std::chrono::milliseconds(1)) continue;
        std::unique_lock<std::mutex> lock(mutex_);
        sleeping_.store(true);
        wake_.wait(lock, [&] { return generation_.load() != seen; });
        sleeping_.store(false);
      }
      seen = generation_.load();
      inside_.fetch_add(1);  // before reading posted_: run() waits for it after retracting
      if (Job* job = posted_.load()) work(*job);
      inside_.fetch_sub(1);
    }
  }

  std::atomic_flag busy_ = ATOMIC_FLAG_INIT;
  bool started_ = false;  // read and written only while busy_ is held
  std::atomic<Job*> posted_{nullptr};
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<int> inside_{0};
  std::atomic<bool> sleeping_{false};
  std::mutex mutex_;
  std::condition_variable wake_;
};

BlockRunner& runner() {
  static BlockRunner* const instance = new BlockRunner;  // never destroyed: its thread is detached
  return *instance;
}

}  // namespace

void run_blocks(BlockTask task, const void* context, int blocks) {
  runner().run(task, context, blocks);
}

}  // namespace nn::detail

#endif  // NN_NO_THREADS
