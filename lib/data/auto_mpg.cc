#include "lib/data/auto_mpg.h"

#include <xtensor/xview.hpp>

#include "lib/data/csv.h"
#include "lib/error.h"

namespace nn {

AutoMpg load_auto_mpg(const std::string& path) {
  const std::vector<std::string> numeric = {"Cylinders",     "Displacement", "Horsepower",
                                            "Weight_in_lbs", "Acceleration", "Year"};
  CsvOptions options;
  options.columns = numeric;
  options.columns.insert(options.columns.end(), {"Miles_per_Gallon", "Name", "Origin"});
  options.text_columns = {"Name", "Origin"};
  const Table table = read_csv(path, options);

  AutoMpg cars;
  const std::vector<std::string> origins = {"USA", "Europe", "Japan"};
  const std::size_t n = table.rows();
  cars.features = xt::zeros<float>({n, numeric.size() + origins.size()});
  const Tensor measured = table.tensor(numeric);  // (n, 6)
  xt::view(cars.features, xt::all(), xt::range(0, numeric.size())) = measured;
  const std::vector<std::string>& origin = table.text("Origin");
  for (std::size_t row = 0; row < n; ++row) {
    std::size_t which = 0;
    while (which < origins.size() && origins[which] != origin[row]) ++which;
    if (which == origins.size()) {
      // +2: the header is line 1, and rows count from 0.
      throw DataError(path + ":" + std::to_string(row + 2) + ": column 'Origin': '" + origin[row] +
                      "' is not USA, Europe or Japan");
    }
    cars.features(row, numeric.size() + which) = 1.0f;
  }
  cars.target = table.tensor({"Miles_per_Gallon"});
  cars.feature_names = {"cylinders", "displacement", "horsepower",    "weight",      "acceleration",
                        "year",      "origin_usa",   "origin_europe", "origin_japan"};
  cars.car_names = table.text("Name");
  return cars;
}

ThreeWaySplit<Tensor> split_auto_mpg(const AutoMpg& cars, std::uint64_t seed,
                                     double validation_size, double test_size) {
  return train_validation_test_split(cars.features, cars.target, validation_size, test_size, seed);
}

}  // namespace nn
