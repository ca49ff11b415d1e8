#include "lib/atomic_file.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "lib/error.h"

namespace nn {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::vector<std::string> files_in(const std::string& folder) {
  std::vector<std::string> names;
  DIR* dir = opendir(folder.c_str());
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(dir);
  return names;
}

// A fresh, empty folder for one test (Bazel gives each test its own TEST_TMPDIR).
std::string fresh_folder(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string folder = std::string(tmp ? tmp : "/tmp") + "/" + name;
  mkdir(folder.c_str(), 0755);
  for (const std::string& file : files_in(folder)) {
    std::remove((folder + "/" + file).c_str());
  }
  return folder;
}

}  // namespace

TEST_CASE("write_file_atomically writes, replaces, and leaves no temporary file", "[io]") {
  const std::string folder = fresh_folder("atomic_write");
  const std::string path = folder + "/figure.svg";
  write_file_atomically(path, "first");
  CHECK(read(path) == "first");
  write_file_atomically(path, std::string("second\0with a zero byte", 23));
  CHECK(read(path) == std::string("second\0with a zero byte", 23));
  CHECK(files_in(folder) == std::vector<std::string>{"figure.svg"});
  struct stat info;
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0644);
}

TEST_CASE("a path in a missing folder raises nn::Error naming the path", "[io]") {
  const std::string path = fresh_folder("atomic_missing") + "/no/such/folder/figure.svg";
  CHECK_THROWS_AS(write_file_atomically(path, "x"), Error);
  CHECK_THROWS_WITH(write_file_atomically(path, "x"), Catch::Contains(path));
}

TEST_CASE("a failed rename keeps what was there and removes the temporary file", "[io]") {
  const std::string folder = fresh_folder("atomic_rename");
  const std::string target = folder + "/taken";
  mkdir(target.c_str(), 0755);  // a folder cannot be replaced by a file
  std::ofstream(target + "/keep.txt") << "kept";
  CHECK_THROWS_WITH(write_file_atomically(target, "new"), Catch::Contains(target));
  CHECK(files_in(folder) == std::vector<std::string>{"taken"});
  CHECK(read(target + "/keep.txt") == "kept");
}

TEST_CASE("a writer that fails midway leaves the previous file whole", "[io]") {
  const std::string folder = fresh_folder("atomic_midway");
  const std::string path = folder + "/model.h5";
  write_file_atomically(path, "the model saved yesterday");
  CHECK_THROWS_WITH(replace_file_atomically(path,
                                            [](const std::string& temporary) {
                                              std::ofstream(temporary) << "half a mod";
                                              throw Error("disk full");
                                            }),
                    Catch::Contains("disk full"));
  CHECK(read(path) == "the model saved yesterday");
  CHECK(files_in(folder) == std::vector<std::string>{"model.h5"});
}

TEST_CASE("replace_file_atomically hands the writer a file name in the target's folder", "[io]") {
  const std::string folder = fresh_folder("atomic_general");
  const std::string path = folder + "/weights.h5";
  std::string seen;
  replace_file_atomically(path, [&](const std::string& temporary) {
    seen = temporary;
    std::ofstream(temporary) << "weights";
  });
  CHECK(seen.rfind(folder + "/", 0) == 0);
  CHECK(read(path) == "weights");
  CHECK(files_in(folder) == std::vector<std::string>{"weights.h5"});
}

}  // namespace nn
