// Tests for exercise 1.4. Do not edit: `./book grade xnor_network` runs them.
#include "exercises/01_perceptron/xnor_network.h"

#include <catch2/catch.hpp>

using exercises::forward;
using exercises::TluLayer;
using exercises::TluNetwork;

TEST_CASE("forward: one layer of TLUs") {
  // AND and OR side by side.
  const TluNetwork gates = {TluLayer{{{1, 1}, {1, 1}}, {-1.5f, -0.5f}}};
  CHECK(forward(gates, {0, 0}) == std::vector<int>{0, 0});
  CHECK(forward(gates, {0, 1}) == std::vector<int>{0, 1});
  CHECK(forward(gates, {1, 1}) == std::vector<int>{1, 1});
  // A weighted sum of exactly zero fires.
  CHECK(forward({TluLayer{{{2, -1}}, {0}}}, {1, 2}) == std::vector<int>{1});
  CHECK(forward({TluLayer{{{2, -1}}, {-0.01f}}}, {1, 2}) == std::vector<int>{0});
}

TEST_CASE("forward: layers feed the next layer 0s and 1s") {
  // Hidden: x1 >= 3 and x2 >= 3 (real inputs, binary outputs); output: both.
  const TluNetwork network = {TluLayer{{{1, 0}, {0, 1}}, {-3, -3}}, TluLayer{{{1, 1}}, {-2}}};
  CHECK(forward(network, {5.0f, 4.0f}) == std::vector<int>{1});
  CHECK(forward(network, {5.0f, 2.0f}) == std::vector<int>{0});
  // The output layer sees the hidden units' 0/1 outputs, not their sums: fed the sums 2
  // and 7 this output unit would fire; fed the outputs 1 and 1 it does not.
  const TluNetwork counting = {TluLayer{{{1, 0}, {0, 1}}, {-3, -3}}, TluLayer{{{1, 1}}, {-2.5f}}};
  CHECK(forward(counting, {5.0f, 10.0f}) == std::vector<int>{0});
}

TEST_CASE("forward: sizes that do not fit are refused") {
  CHECK_THROWS_AS(forward({TluLayer{{{1, 1}}, {0}}}, {1, 2, 3}), std::invalid_argument);
  CHECK_THROWS_AS(forward({TluLayer{{{1, 1}, {1, 1}}, {0}}}, {1, 2}), std::invalid_argument);
  const TluNetwork second_layer_wrong = {TluLayer{{{1, 1}}, {0}}, TluLayer{{{1, 1}}, {0}}};
  CHECK_THROWS_AS(forward(second_layer_wrong, {1, 2}), std::invalid_argument);
}

TEST_CASE("xnor_network: two hidden TLUs and one output TLU") {
  const TluNetwork network = exercises::xnor_network();
  REQUIRE(network.size() == 2);
  REQUIRE(network[0].weights.size() == 2);
  REQUIRE(network[0].bias.size() == 2);
  REQUIRE(network[1].weights.size() == 1);
  REQUIRE(network[1].bias.size() == 1);
}

TEST_CASE("xnor_network computes XNOR") {
  const TluNetwork network = exercises::xnor_network();
  CHECK(forward(network, {0, 0}) == std::vector<int>{1});
  CHECK(forward(network, {0, 1}) == std::vector<int>{0});
  CHECK(forward(network, {1, 0}) == std::vector<int>{0});
  CHECK(forward(network, {1, 1}) == std::vector<int>{1});
}
