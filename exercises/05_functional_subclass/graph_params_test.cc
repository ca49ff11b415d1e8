// Tests for exercise 5.7. Do not edit: `./book grade graph_params` runs them.
// Reference values: the same graphs built with the library's functional API, whose
// count_params() counts the weights it actually made; widths by hand in the comments.
#include "exercises/05_functional_subclass/graph_params.h"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "lib/nn.h"

using exercises::count_params;
using exercises::GraphNode;
using exercises::node_widths;

namespace {

// Builds the graph with nn::Functional (outputs: the last node) and counts its weights.
std::size_t library_count(const std::vector<GraphNode>& graph) {
  std::vector<nn::SymbolicTensor> nodes, inputs;
  for (const GraphNode& node : graph) {
    if (node.kind == "input") {
      nodes.push_back(nn::Input({node.size}));
      inputs.push_back(nodes.back());
    } else if (node.kind == "dense") {
      nodes.push_back(nn::Dense(static_cast<int>(node.size), "relu")(nodes[node.sources[0]]));
    } else {
      std::vector<nn::SymbolicTensor> parts;
      for (int s : node.sources) parts.push_back(nodes[s]);
      nodes.push_back(nn::Concatenate()(parts));
    }
  }
  nn::Functional model(inputs, {nodes.back()});
  return model.count_params();
}

// Wide & Deep with two inputs: wide (5) and deep (6) → 30 → 30; concat (5 + 30); output 1.
const std::vector<GraphNode> wide_deep = {{"input", 5, {}},      {"input", 6, {}},
                                          {"dense", 30, {1}},    {"dense", 30, {2}},
                                          {"concat", 0, {0, 3}}, {"dense", 1, {4}}};

// A skip that joins three paths: x (8) → a (4), x → b (3), concat(x, a, b) = 15 → 2.
const std::vector<GraphNode> three_way = {{"input", 8, {}},
                                          {"dense", 4, {0}},
                                          {"dense", 3, {0}},
                                          {"concat", 0, {0, 1, 2}},
                                          {"dense", 2, {3}}};

}  // namespace

TEST_CASE("widths follow the data flow; a concat adds its sources' widths") {
  CHECK(node_widths(wide_deep) == std::vector<std::size_t>{5, 6, 30, 30, 35, 1});
  CHECK(node_widths(three_way) == std::vector<std::size_t>{8, 4, 3, 15, 2});
}

TEST_CASE("parameter counts agree with the library's functional models") {
  // 6·30 + 30 + 30·30 + 30 + 35·1 + 1 = 210 + 930 + 36 = 1176.
  CHECK(count_params(wide_deep) == 1176);
  CHECK(count_params(wide_deep) == library_count(wide_deep));
  // 8·4 + 4 + 8·3 + 3 + 15·2 + 2 = 36 + 27 + 32 = 95.
  CHECK(count_params(three_way) == 95);
  CHECK(count_params(three_way) == library_count(three_way));
  const std::vector<GraphNode> stack = {
      {"input", 784, {}}, {"dense", 300, {0}}, {"dense", 100, {1}}, {"dense", 10, {2}}};
  CHECK(count_params(stack) == 266610);  // the chapter's Fashion-MNIST MLP
  CHECK(count_params(stack) == library_count(stack));
}

TEST_CASE("graphs that do not connect are refused, naming the node") {
  CHECK_THROWS_AS(node_widths({{"input", 3, {}}, {"dense", 2, {1}}}), std::invalid_argument);
  CHECK_THROWS_WITH(node_widths({{"input", 3, {}}, {"dense", 2, {1}}}), Catch::Contains("node 1"));
  CHECK_THROWS_AS(node_widths({{"input", 3, {}}, {"dense", 2, {0, 0}}}), std::invalid_argument);
  CHECK_THROWS_AS(node_widths({{"input", 3, {}}, {"concat", 0, {0}}}), std::invalid_argument);
  CHECK_THROWS_AS(node_widths({{"input", 3, {}}, {"conv", 2, {0}}}), std::invalid_argument);
  CHECK_THROWS_AS(count_params({{"input", 3, {}}, {"dense", 2, {-1}}}), std::invalid_argument);
}
