#include "lib/plot/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "lib/error.h"

namespace nn::plot {

void write_file_atomically(const std::string& path, const std::string& bytes) {
  auto fail = [&path](const std::string& what) {
    throw Error("cannot write '" + path + "': " + what + ": " + std::strerror(errno));
  };
  std::string pattern = path + ".tmp-XXXXXX";  // same folder, so rename() does not copy
  std::vector<char> temp(pattern.begin(), pattern.end());
  temp.push_back('\0');
  const int fd = mkstemp(temp.data());
  if (fd < 0) fail("cannot create a temporary file");
  auto give_up = [&](const std::string& what) {
    const int saved = errno;
    close(fd);
    unlink(temp.data());
    errno = saved;
    fail(what);
  };
  fchmod(fd, 0644);  // mkstemp creates 0600; a figure is for everyone to read
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) give_up("write failed");
    done += static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) give_up("fsync failed");
  if (close(fd) != 0) {
    unlink(temp.data());
    fail("close failed");
  }
  if (std::rename(temp.data(), path.c_str()) != 0) {
    const int saved = errno;
    unlink(temp.data());
    errno = saved;
    fail("rename failed");
  }
}

}  // namespace nn::plot
