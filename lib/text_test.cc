// Counts and numbers in messages.
#include "lib/text.h"

#include <catch2/catch.hpp>
#include <cmath>

TEST_CASE("count_of says 1 column and 2 columns") {
  CHECK(nn::count_of(1, "column") == "1 column");
  CHECK(nn::count_of(0, "column") == "0 columns");
  CHECK(nn::count_of(3, "output") == "3 outputs");
  CHECK(nn::count_of(2, "batch", "batches") == "2 batches");
}

TEST_CASE("shortest_decimal writes the shortest exact form") {
  CHECK(nn::shortest_decimal(5.0) == "5");
  CHECK(nn::shortest_decimal(-2.5) == "-2.5");
  CHECK(nn::shortest_decimal(0.1) == "0.1");
  CHECK(nn::shortest_decimal(static_cast<float>(0.1)) == "0.10000000149011612");  // a float's 0.1
  CHECK(nn::shortest_decimal(1e-8) == "1e-08");
  CHECK(nn::shortest_decimal(std::nan("")) == "nan");
}
