#pragma once
/// \file
/// # Exercise 5.7: widths and parameters of a layer graph, before building it ★★ (15 points)
///
/// A functional model is a graph: inputs, Dense layers each fed by one earlier node, and
/// concatenations of several. Before building anything (or to check a `summary()` table),
/// the width of every node and the number of weights follow from the data flow alone:
///
/// - an `input` node has the width it is declared with, and no weights;
/// - a `dense` node of \f$u\f$ units fed by a node of width \f$w\f$ has width \f$u\f$ and
///   \f$w u + u\f$ weights (its kernel and its bias);
/// - a `concat` node has the **sum** of its sources' widths, and no weights.
///
/// Nodes are listed in an order where every source comes before its user (as Keras's
/// config lists them). Write `node_widths(graph)` (the width of every node, in order) and
/// `count_params(graph)` (the total number of weights). Throw `std::invalid_argument`
/// naming the node when a source index does not point to an earlier node, when a dense
/// node has other than one source, when a concat has fewer than two, or for an unknown
/// kind. The test builds the same graphs with `nn::Functional` and compares with its
/// `count_params()`.

#include <stdexcept>
#include <string>
#include <vector>

namespace exercises {

/// One node of a layer graph.
struct GraphNode {
  std::string kind;          ///< "input", "dense" or "concat"
  std::size_t size = 0;      ///< an input's width, a dense layer's units; unused for concat
  std::vector<int> sources;  ///< indices of earlier nodes feeding it (none for an input)
};

/// The width of every node, in order.
std::vector<std::size_t> node_widths(const std::vector<GraphNode>& graph);

/// The number of weights of all the graph's Dense layers.
std::size_t count_params(const std::vector<GraphNode>& graph);

}  // namespace exercises
