#include "lib/callbacks/csv_logger.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

namespace fs = std::filesystem;

// A fresh folder under Bazel's test temporary directory.
fs::path fresh_dir(const std::string& name) {
  const char* root = std::getenv("TEST_TMPDIR");
  const fs::path dir = fs::path(root ? root : "/tmp") / ("csv_logger_test_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, separator);) cells.push_back(cell);
  return cells;
}

// After the logger has written an epoch, checks what a reader would find in the file.
struct Reader : nn::Callback {
  fs::path path;
  std::vector<std::string> seen;
  explicit Reader(fs::path p) : path(std::move(p)) {}
  void on_epoch_end(int, nn::Logs&) override { seen.push_back(read(path)); }
};

const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
const nn::Tensor y = {{1}, {1}, {0}, {0}};

nn::History train(std::vector<std::shared_ptr<nn::Callback>> callbacks, int epochs = 3) {
  nn::set_random_seed(5);
  nn::Sequential model({nn::Dense(3, "relu"), nn::Dense(2, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.1), {"accuracy"});
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = 2;
  options.verbose = 0;
  options.validation_data = {{x, y}};
  options.callbacks = std::move(callbacks);
  return model.fit(x, y, options);
}

}  // namespace

TEST_CASE("CSVLogger writes Keras's columns and every value exactly") {
  const fs::path file = fresh_dir("plain") / "log.csv";
  nn::History history = train({std::make_shared<nn::CSVLogger>(file.string())});
  const std::vector<std::string> lines = lines_of(read(file));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "epoch,accuracy,loss,val_accuracy,val_loss");
  for (std::size_t e = 0; e < 3; ++e) {
    const std::vector<std::string> cells = split(lines[e + 1], ',');
    REQUIRE(cells.size() == 5);
    CHECK(cells[0] == std::to_string(e));
    INFO("epoch " << e << ": " << lines[e + 1]);
    // The shortest decimal form reads back to the very double that History holds.
    CHECK(std::stod(cells[1]) == history.history["accuracy"][e]);
    CHECK(std::stod(cells[2]) == history.history["loss"][e]);
    CHECK(std::stod(cells[3]) == history.history["val_accuracy"][e]);
    CHECK(std::stod(cells[4]) == history.history["val_loss"][e]);
  }
}

TEST_CASE("CSVLogger: a reader only ever finds whole lines, and no temporary files remain") {
  const fs::path dir = fresh_dir("reader");
  const fs::path file = dir / "log.csv";
  auto reader = std::make_shared<Reader>(file);
  train({std::make_shared<nn::CSVLogger>(file.string()), reader}, 4);
  REQUIRE(reader->seen.size() == 4);
  for (std::size_t e = 0; e < 4; ++e) {
    INFO("after epoch " << e << ":\n" << reader->seen[e]);
    CHECK(lines_of(reader->seen[e]).size() == e + 2);  // the header and e + 1 rows
    CHECK(reader->seen[e].back() == '\n');
  }
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) files += entry.is_regular_file();
  CHECK(files == 1);
}

TEST_CASE("CSVLogger: append keeps the rows of a resumed training; a new file starts afresh") {
  const fs::path file = fresh_dir("append") / "log.csv";
  train({std::make_shared<nn::CSVLogger>(file.string(), ';')}, 2);
  train({std::make_shared<nn::CSVLogger>(file.string(), ';', true)}, 1);
  std::vector<std::string> lines = lines_of(read(file));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "epoch;accuracy;loss;val_accuracy;val_loss");
  CHECK(lines[1].rfind("0;", 0) == 0);
  CHECK(lines[2].rfind("1;", 0) == 0);
  CHECK(lines[3].rfind("0;", 0) == 0);  // the resumed fit counts its own epochs
  train({std::make_shared<nn::CSVLogger>(file.string(), ';')}, 1);
  CHECK(lines_of(read(file)).size() == 2);

  // Appending to a file with other columns is refused, naming the file and both headers.
  const fs::path other = file.parent_path() / "other.csv";
  std::ofstream(other) << "epoch,loss\n0,1.5\n";
  CHECK_THROWS_WITH(train({std::make_shared<nn::CSVLogger>(other.string(), ',', true)}, 1),
                    Catch::Contains("other.csv") && Catch::Contains("'epoch,loss'") &&
                        Catch::Contains("'epoch,accuracy,loss,val_accuracy,val_loss'"));
  CHECK(read(other) == "epoch,loss\n0,1.5\n");  // left as it was
}

TEST_CASE("CSVLogger: missing values are NA, unknown keys are refused") {
  // Adds "extra" to epoch 0's logs only; History is not involved (CSVLogger sees it first).
  struct Once : nn::Callback {
    int when;
    explicit Once(int w) : when(w) {}
    void on_epoch_end(int epoch, nn::Logs& logs) override {
      if (epoch == when) logs["extra"] = 0.5;
    }
  };
  const fs::path dir = fresh_dir("na");
  train({std::make_shared<Once>(0), std::make_shared<nn::CSVLogger>((dir / "a.csv").string())}, 2);
  const std::vector<std::string> lines = lines_of(read(dir / "a.csv"));
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "epoch,accuracy,extra,loss,val_accuracy,val_loss");
  CHECK(split(lines[1], ',')[2] == "0.5");
  CHECK(split(lines[2], ',')[2] == "NA");
  CHECK_THROWS_WITH(
      train({std::make_shared<Once>(1), std::make_shared<nn::CSVLogger>((dir / "b.csv").string())},
            2),
      Catch::Contains("\"extra\"") && Catch::Contains("b.csv"));
  CHECK_THROWS_AS(train({std::make_shared<nn::CSVLogger>((dir / "no/such/dir.csv").string())}),
                  nn::Error);
}

TEST_CASE("shortest_decimal: the fewest digits that read back to the same double") {
  CHECK(nn::shortest_decimal(0.1) == "0.1");
  CHECK(nn::shortest_decimal(1e-5) == "1e-05");
  CHECK(nn::shortest_decimal(2.0) == "2");
  CHECK(std::stod(nn::shortest_decimal(1.0 / 3.0)) == 1.0 / 3.0);
}
