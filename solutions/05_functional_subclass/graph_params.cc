// Reference solution of exercise 5.7.
#include "exercises/05_functional_subclass/graph_params.h"

namespace exercises {

namespace {

void refuse(std::size_t i, const std::string& why) {
  throw std::invalid_argument("node " + std::to_string(i) + ": " + why);
}

}  // namespace

std::vector<std::size_t> node_widths(const std::vector<GraphNode>& graph) {
  std::vector<std::size_t> widths;
  for (std::size_t i = 0; i < graph.size(); ++i) {
    const GraphNode& node = graph[i];
    for (int s : node.sources) {
      if (s < 0 || static_cast<std::size_t>(s) >= i) {
        refuse(i, "source " + std::to_string(s) + " is not an earlier node");
      }
    }
    if (node.kind == "input") {
      if (!node.sources.empty()) refuse(i, "an input has no sources");
      widths.push_back(node.size);
    } else if (node.kind == "dense") {
      if (node.sources.size() != 1) refuse(i, "a dense layer takes exactly one source");
      widths.push_back(node.size);
    } else if (node.kind == "concat") {
      if (node.sources.size() < 2) refuse(i, "a concat joins at least two sources");
      std::size_t total = 0;
      for (int s : node.sources) total += widths[s];
      widths.push_back(total);
    } else {
      refuse(i, "unknown kind '" + node.kind + "' (known: input, dense, concat)");
    }
  }
  return widths;
}

std::size_t count_params(const std::vector<GraphNode>& graph) {
  const std::vector<std::size_t> widths = node_widths(graph);
  std::size_t total = 0;
  for (const GraphNode& node : graph) {
    if (node.kind == "dense") total += widths[node.sources[0]] * node.size + node.size;
  }
  return total;
}

}  // namespace exercises
