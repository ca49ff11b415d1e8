#include "lib/io/hdf5_guard.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "lib/error.h"

namespace nn::h5 {

void read_everything(const Group& group) {
  for (const std::string& name : group.attribute_names()) {
    try {
      group.describe_attribute(name);
      group.strings_attribute(name);
    } catch (const Error&) {  // a clean error: the parent will meet it, if it matters
    }
  }
  for (const std::string& name : group.children()) {
    try {
      if (group.has_group(name)) {
        read_everything(group.group(name));
      } else {
        group.describe_dataset(name);
        group.read(name);
      }
    } catch (const Error&) {
    }
  }
}

void check_in_child(const std::string& path) {
  run_in_child(path, [&path] { read_everything(File::open_unchecked(path).root()); });
}

void run_in_child(const std::string& path, const std::function<void()>& work) {
  struct stat info {};
  const long long bytes = stat(path.c_str(), &info) == 0 ? info.st_size : 0;
  const int seconds = 5 + static_cast<int>(bytes / 10'000'000);
  const pid_t child = fork();
  if (child < 0) return;  // no child to spare: open the file without the check
  if (child == 0) {
    try {
      work();
    } catch (...) {
    }
    _exit(0);  // not exit(): the parent's buffers and atexit handlers are not the child's
  }
  int status = 0;
  timespec pause{0, 1000000};  // 1 ms, doubled up to 64 ms
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  for (;;) {
    const pid_t done = waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (done < 0 && errno == EINTR) continue;
    if (done < 0) return;  // the child was reaped elsewhere: nothing to report
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      throw DataError(path + ": damaged: reading it did not finish in " + std::to_string(seconds) +
                      " s");
    }
    nanosleep(&pause, nullptr);
    if (pause.tv_nsec < 64000000) pause.tv_nsec *= 2;
  }
  // Only a clean exit 0 is a clean read: a sanitizer that found a fault exits 1, a crash
  // dies of a signal, and either way the parent must not open the file itself.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return;
  if (WIFSIGNALED(status)) {
    throw DataError(path + ": damaged: reading it crashed the HDF5 library (" +
                    strsignal(WTERMSIG(status)) + "); the file cannot be trusted");
  }
  throw DataError(path + ": damaged: reading it ended with status " +
                  std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                  " instead of 0; the file cannot be trusted");
}

}  // namespace nn::h5
