// Tests for exercise 7.2. Do not edit: `./book grade atomic_save` runs them.
#include "exercises/07_saving/atomic_save.h"

#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

using exercises::save_atomically;

namespace {

std::string fresh_folder(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string folder = std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name;
  mkdir(folder.c_str(), 0755);
  return folder;
}

std::vector<std::string> files_in(const std::string& folder) {
  std::vector<std::string> names;
  if (DIR* dir = opendir(folder.c_str())) {
    while (dirent* entry = readdir(dir)) {
      const std::string name = entry->d_name;
      if (name != "." && name != "..") names.push_back(name);
    }
    closedir(dir);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("a new file is written, and an old one replaced, leaving nothing else") {
  const std::string folder = fresh_folder("replace");
  const std::string path = folder + "/model.h5";
  save_atomically(path, "first version");
  CHECK(read(path) == "first version");
  const std::string binary("\x89HDF\r\n\x1a\n\0\0 and more", 18);
  save_atomically(path, binary);
  CHECK(read(path) == binary);
  save_atomically(path, "");  // empty is a valid content too
  CHECK(read(path).empty());
  INFO("files in the folder afterwards: " << files_in(folder).size());
  CHECK(files_in(folder) == std::vector<std::string>{"model.h5"});
}

TEST_CASE("a large file is written completely") {
  const std::string folder = fresh_folder("large");
  std::string bytes(3 << 20, '\0');  // 3 MiB, more than one write() may take
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7919 % 251);
  save_atomically(folder + "/big.bin", bytes);
  CHECK(read(folder + "/big.bin") == bytes);
}

TEST_CASE("a folder that does not exist is an error naming the path") {
  const std::string folder = fresh_folder("missing");
  const std::string path = folder + "/no/such/folder/model.h5";
  CHECK_THROWS_AS(save_atomically(path, "x"), std::runtime_error);
  try {
    save_atomically(path, "x");
  } catch (const std::runtime_error& e) {
    CHECK_THAT(e.what(), Catch::Contains(path));
  }
}

TEST_CASE("a full disk midway leaves the old file whole and no temporary file") {
  const std::string folder = fresh_folder("full_disk");
  const std::string path = folder + "/model.h5";
  save_atomically(path, "the trained model, which must survive");
  REQUIRE(read(path) == "the trained model, which must survive");
  // In a child process no file may grow past 64 KiB: writing 1 MiB fails halfway.
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{1 << 16, 1 << 16};
    setrlimit(RLIMIT_FSIZE, &limit);
    int status = 1;  // 1: no exception
    try {
      save_atomically(path, std::string(1 << 20, 'x'));
    } catch (const std::runtime_error&) {
      status = 0;
    } catch (...) {
      status = 2;
    }
    _exit(status);
  }
  int status = -1;
  waitpid(child, &status, 0);
  REQUIRE(WIFEXITED(status));
  INFO("child exit status " << WEXITSTATUS(status) << " (0: std::runtime_error thrown)");
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(read(path) == "the trained model, which must survive");
  CHECK(files_in(folder) == std::vector<std::string>{"model.h5"});
}
