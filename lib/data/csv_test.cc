#include "lib/data/csv.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "lib/error.h"

namespace {

// Writes `text` to a file in the test's temporary folder and returns its path.
std::string write_file(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

// The message of the DataError that reading `path` throws ("" if none).
std::string error_of(const std::string& path, const nn::CsvOptions& options = {}) {
  try {
    nn::read_csv(path, options);
  } catch (const nn::DataError& e) {
    return e.what();
  }
  return "";
}

nn::CsvOptions with_text(std::vector<std::string> text_columns) {
  nn::CsvOptions options;
  options.text_columns = std::move(text_columns);
  return options;
}

}  // namespace

TEST_CASE("a CSV file becomes named numeric and text columns") {
  const std::string path = write_file("good.csv",
                                      "a,b,name\r\n"
                                      "1,2.5,\"setosa, maybe\"\r\n"
                                      "-3,1e-3,\"say \"\"hi\"\"\"\r\n"
                                      "\r\n"
                                      "\n");
  const nn::Table table = nn::read_csv(path, with_text({"name"}));
  REQUIRE(table.rows() == 2);
  REQUIRE(table.names() == std::vector<std::string>{"a", "b", "name"});
  REQUIRE(table.numbers("a") == std::vector<float>{1.0f, -3.0f});
  REQUIRE(table.numbers("b") == std::vector<float>{2.5f, 0.001f});
  REQUIRE(table.text("name") == std::vector<std::string>{"setosa, maybe", "say \"hi\""});

  const nn::Tensor x = table.tensor({"b", "a"});  // (2, 2), columns in the order asked
  REQUIRE(x.shape()[0] == 2);
  REQUIRE(x.shape()[1] == 2);
  REQUIRE(x(0, 0) == 2.5f);
  REQUIRE(x(1, 1) == -3.0f);
  REQUIRE(table.vector("a")(1) == -3.0f);
}

TEST_CASE("only the columns asked for are read, and text becomes sorted class indices") {
  const std::string path = write_file("pick.csv",
                                      "x,junk,kind\n"
                                      "1,not a number,b\n"
                                      "2,,a\n"
                                      "3,?,b\n");
  nn::CsvOptions options;
  options.columns = {"x"};
  options.text_columns = {"kind"};
  const nn::Table table = nn::read_csv(path, options);
  REQUIRE(table.names() == std::vector<std::string>{"x", "kind"});
  std::vector<std::string> classes;
  const nn::Labels y = table.labels("kind", &classes);
  REQUIRE(classes == std::vector<std::string>{"a", "b"});
  REQUIRE(y == nn::Labels{1, 0, 1});
  REQUIRE_THROWS_AS(table.numbers("junk"), nn::ValueError);
  REQUIRE_THROWS_AS(table.numbers("kind"), nn::ValueError);
  REQUIRE_THROWS_WITH(table.numbers("y"), "no column 'y' (columns: x, kind)");
}

TEST_CASE("a UTF-8 byte order mark before the header is skipped") {
  const std::string path = write_file("bom.csv",
                                      "\xEF\xBB\xBF"
                                      "a,b\n1,2\n");
  REQUIRE(nn::read_csv(path).numbers("a") == std::vector<float>{1.0f});
}

TEST_CASE("a quoted field may hold a line break") {
  const std::string path = write_file("multi.csv", "note,v\n\"two\nlines\",1\n2nd,2\n");
  const nn::Table table = nn::read_csv(path, with_text({"note"}));
  REQUIRE(table.text("note") == std::vector<std::string>{"two\nlines", "2nd"});
  REQUIRE(table.numbers("v") == std::vector<float>{1.0f, 2.0f});
}

TEST_CASE("a missing file names the file and the reason") {
  REQUIRE(error_of("data/x.csv") == "cannot open data/x.csv: No such file or directory");
}

TEST_CASE("an empty file is one clear error") {
  const std::string path = write_file("empty.csv", "");
  REQUIRE(error_of(path) == path + ": empty file (expected a header row of column names)");
}

TEST_CASE("a row with the wrong number of fields names its line") {
  const std::string path = write_file("short.csv", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n");
  REQUIRE(error_of(path) == path + ":3: expected 5 fields, got 4");
}

TEST_CASE("a value that is not a number names the line and the column") {
  const std::string path = write_file("word.csv", "sepal_length,petal_length\n1,2\n3,4\n5,abc\n");
  REQUIRE(error_of(path) == path + ":4: column 'petal_length': 'abc' is not a number");
  const std::string empty = write_file("blank_value.csv", "a,b\n1,\n");
  REQUIRE(error_of(empty) == empty + ":2: column 'b': '' is not a number");
  const std::string half = write_file("half.csv", "a\n1.5x\n");
  REQUIRE(error_of(half) == half + ":2: column 'a': '1.5x' is not a number");
}

TEST_CASE("a column asked for but missing from the header is named with the ones there are") {
  const std::string path = write_file("cols.csv", "a,b\n1,2\n");
  nn::CsvOptions options;
  options.columns = {"a", "species"};
  REQUIRE(error_of(path, options) ==
          path + ":1: no column 'species' in the header (columns: a, b)");
  REQUIRE(error_of(path, with_text({"kind"})) ==
          path + ":1: no column 'kind' in the header (columns: a, b)");
}

TEST_CASE("empty lines are allowed only at the end; quotes must close") {
  const std::string gap = write_file("gap.csv", "a\n1\n\n2\n");
  REQUIRE(error_of(gap) == gap + ":3: empty line before the end of the file");
  const std::string open = write_file("open.csv", "a,b\n1,\"x\n");
  REQUIRE(error_of(open, with_text({"b"})) == open + ":2: unterminated quoted field");
  const std::string twice = write_file("twice.csv", "a,a\n1,2\n");
  REQUIRE(error_of(twice) == twice + ":1: column 'a' appears twice in the header");
}
