#include "lib/chapter/chapter.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/chapter/wrap.h"
#include "lib/error.h"

namespace {

const nn::chapter::Spec kSpec{"99_test", "A test chapter", {{"data-dir", "/usr/share", "data"}}};

std::string temp_dir(const std::string& name) {
  const char* root = std::getenv("TEST_TMPDIR");
  std::string dir = std::string(root ? root : "/tmp") + "/" + name;
  std::filesystem::remove_all(dir);
  return dir;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

nn::chapter::Args parse(std::vector<const char*> argv) {
  argv.insert(argv.begin(), "prog");
  return nn::chapter::parse_args(kSpec, static_cast<int>(argv.size()), argv.data());
}

}  // namespace

TEST_CASE("flags: defaults, both value spellings, the chapter's own options") {
  auto args = parse({});
  CHECK_FALSE(args.quick);
  CHECK(args.out_dir == "out/99_test");
  CHECK(args.seed == 42);
  CHECK(args.options.at("data-dir") == "/usr/share");

  args = parse({"--quick", "--out", "/tmp/x", "--seed=7", "--data-dir=/d"});
  CHECK(args.quick);
  CHECK(args.out_dir == "/tmp/x");
  CHECK(args.seed == 7);
  CHECK(args.options.at("data-dir") == "/d");
}

TEST_CASE("flags: a wrong flag, a missing value or a bad seed is an error naming it") {
  CHECK_THROWS_WITH(parse({"--quik"}), Catch::Contains("--quik"));
  CHECK_THROWS_WITH(parse({"--out"}), Catch::Contains("--out needs a value"));
  CHECK_THROWS_WITH(parse({"--seed", "x1"}), Catch::Contains("'x1'"));
  CHECK_THROWS_AS(parse({"--seed", "-3"}), nn::ValueError);
  CHECK(nn::chapter::usage(kSpec, "prog").find("--data-dir VALUE") != std::string::npos);
}

TEST_CASE("a run writes its sections, results.json and run.json") {
  const std::string dir = temp_dir("run");
  const std::string out_flag = "--out=" + dir;
  const char* argv[] = {"prog", "--quick", out_flag.c_str()};
  const int status = nn::chapter::run(3, const_cast<char**>(argv), kSpec, [](auto& chapter) {
    chapter.section("first", "First") << "one " << 1 << "\n";
    chapter.out() << "more\n";
    chapter.section("second", "Second") << "two\n";
    chapter.result("answer", 42);
    chapter.result("pair", {1, 0});
    CHECK(chapter.figure("f.svg") == chapter.out_dir() + "/f.svg");
  });
  REQUIRE(status == 0);
  CHECK(read(dir + "/first.txt") == "one 1\nmore\n");
  CHECK(read(dir + "/second.txt") == "two\n");
  const auto results = nlohmann::json::parse(read(dir + "/results.json"));
  CHECK(results.at("answer") == 42);
  CHECK(results.at("pair") == nlohmann::json({1, 0}));
  const auto run = nlohmann::json::parse(read(dir + "/run.json"));
  CHECK(run.at("mode") == "quick");
  CHECK(run.at("seed") == 42);
  CHECK(run.at("figures") == nlohmann::json({"f.svg"}));
}

TEST_CASE("a run that fails with nn::Error exits 1 and writes no results") {
  const std::string dir = temp_dir("fail");
  const std::string out_flag = "--out=" + dir;
  const char* argv[] = {"prog", out_flag.c_str()};
  const int status = nn::chapter::run(2, const_cast<char**>(argv), kSpec, [](auto& chapter) {
    chapter.section("a", "A") << "x\n";
    throw nn::DataError("data/x.csv:3: bad");
  });
  CHECK(status == 1);
  CHECK_FALSE(std::filesystem::exists(dir + "/results.json"));
  const char* bad[] = {"prog", "--nope"};
  CHECK(nn::chapter::run(2, const_cast<char**>(bad), kSpec, [](auto&) {}) == 2);
}

TEST_CASE("wrapped cuts long messages at spaces and indents the lines after the first") {
  CHECK(nn::chapter::wrapped("one two three four", 2, 9) == "one two\n  three\n  four");
  CHECK(nn::chapter::wrapped("short", 4, 90) == "short");
  CHECK(nn::chapter::wrapped("averyveryverylongword x", 0, 5) == "averyveryverylongword\nx");
  CHECK(nn::chapter::wrapped("", 2, 10).empty());
}
