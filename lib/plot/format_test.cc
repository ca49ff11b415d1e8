#include "lib/plot/format.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

namespace nn::plot {

TEST_CASE("format_number is compact", "[plot][format]") {
  CHECK(format_number(0.1 + 0.2) == "0.3");
  CHECK(format_number(0.30000000004) == "0.3");
  CHECK(format_number(1e-5) == "1e-5");
  CHECK(format_number(2.5e-7) == "2.5e-7");
  CHECK(format_number(1500000) == "1.5e6");
  CHECK(format_number(100000) == "100000");
  CHECK(format_number(-2) == "-2");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(3.14159265, 3) == "3.14");
  CHECK(format_number(std::nan("")) == "nan");
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_number(-std::numeric_limits<double>::infinity()) == "-inf");
}

TEST_CASE("format_coord keeps two decimals at most", "[plot][format]") {
  CHECK(format_coord(12.5) == "12.5");
  CHECK(format_coord(12.0) == "12");
  CHECK(format_coord(3.14159) == "3.14");
  CHECK(format_coord(0.004) == "0");
  CHECK(format_coord(-0.004) == "0");
  CHECK(format_coord(-7.25) == "-7.25");
  CHECK(format_coord(640) == "640");
}

}  // namespace nn::plot
