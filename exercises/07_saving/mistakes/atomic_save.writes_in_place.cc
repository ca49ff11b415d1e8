// Mistake: opens the target itself and writes into it: a failure halfway destroys the old file.
#include "exercises/07_saving/atomic_save.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace exercises {

void save_atomically(const std::string& path, const std::string& bytes) {
  std::vector<char> name(path.begin(), path.end());  // needs <fcntl.h>
  name.push_back('\0');
  const int fd = open(name.data(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) {
    throw std::runtime_error("cannot save " + path +
                             ": cannot create a temporary file: " + std::strerror(errno));
  }
  const std::string temporary = name.data();
  const auto fail = [&](const std::string& what) {
    const int saved = errno;
    unlink(temporary.c_str());
    throw std::runtime_error("cannot save " + path + ": " + what + ": " + std::strerror(saved));
  };
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int saved = errno;
      close(fd);
      errno = saved;
      fail("write failed");
    }
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) {
    const int saved = errno;
    close(fd);
    errno = saved;
    fail("fsync failed");
  }
  if (close(fd) != 0) fail("close failed");
}

}  // namespace exercises
