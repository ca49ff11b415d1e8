#include "lib/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "lib/error.h"

namespace nn {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw Error("cannot write '" + path + "': " + what + ": " + std::strerror(errno));
}

// A fresh, unique file beside `path` (same folder, so rename() does not copy); its name.
std::string make_temporary(const std::string& path, int* fd) {
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  *fd = mkstemp(name.data());
  if (*fd < 0) fail(path, "cannot create a temporary file");
  fchmod(*fd, 0644);  // mkstemp creates 0600; what the book writes is for everyone to read
  return name.data();
}

// Flushes `temporary` to disk and renames it over `path`; removes it on failure.
void commit(const std::string& temporary, const std::string& path) {
  const int fd = open(temporary.c_str(), O_RDONLY);
  const bool synced = fd >= 0 && fsync(fd) == 0;
  const int saved = errno;
  if (fd >= 0) close(fd);
  errno = saved;
  if (!synced) {
    unlink(temporary.c_str());
    errno = saved;
    fail(path, "fsync failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int rename_errno = errno;
    unlink(temporary.c_str());
    errno = rename_errno;
    fail(path, "rename failed");
  }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::string& bytes) {
  replace_file_atomically(path, [&](const std::string& temporary) {
    const int fd = open(temporary.c_str(), O_WRONLY | O_TRUNC);
    if (fd < 0) fail(path, "cannot open the temporary file");
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int saved = errno;
        close(fd);
        errno = saved;
        fail(path, "write failed");
      }
      done += static_cast<std::size_t>(n);
    }
    if (close(fd) != 0) fail(path, "close failed");
  });
}

void replace_file_atomically(const std::string& path,
                             const std::function<void(const std::string&)>& write) {
  int fd = -1;
  const std::string temporary = make_temporary(path, &fd);
  close(fd);
  try {
    write(temporary);
  } catch (...) {
    unlink(temporary.c_str());
    throw;
  }
  commit(temporary, path);
}

}  // namespace nn
