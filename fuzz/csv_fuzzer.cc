// Fuzz target: nn::read_csv (lib/data/csv.h) on any bytes, with and without options, and the
// Table's accessors on what it reads. Every failure must be an nn::Error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz/fuzz_util.h"
#include "lib/data/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = nn::fuzz::write_scratch(data, size, ".csv");
  nn::fuzz::expect_clean("read_csv", [&] {
    const nn::Table table = nn::read_csv(path);
    for (const std::string& name : table.names()) table.vector(name);
    table.tensor(table.names());
  });
  // As the iris loader reads it: four numeric columns and a text column of labels.
  nn::fuzz::expect_clean("read_csv (iris options)", [&] {
    nn::CsvOptions options;
    options.columns = {"sepal_length", "petal_width"};
    options.text_columns = {"species"};
    const nn::Table table = nn::read_csv(path, options);
    std::vector<std::string> classes;
    table.labels("species", &classes);
    table.tensor({"sepal_length", "petal_width"});
    table.text("species");
  });
  return 0;
}
