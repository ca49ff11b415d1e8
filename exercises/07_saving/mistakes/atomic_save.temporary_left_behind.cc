// Mistake: leaves the temporary file behind when a step fails: no unlink.
#include "exercises/07_saving/atomic_save.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace exercises {

void save_atomically(const std::string& path, const std::string& bytes) {
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    throw std::runtime_error("cannot save " + path +
                             ": cannot create a temporary file: " + std::strerror(errno));
  }
  const std::string temporary = name.data();
  const auto fail = [&](const std::string& what) {
    const int saved = errno;

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
  if (std::rename(temporary.c_str(), path.c_str()) != 0) fail("rename failed");
}

}  // namespace exercises
