#pragma once
// A functional model as a picture: its graph written in Graphviz's DOT language (one box per
// layer, an arrow for each connection, as Keras's plot_model draws it), and DOT rendered to
// SVG by Graphviz's `dot` program (Debian's graphviz package).
//
//   const std::string svg = nn::render_dot(nn::model_to_dot(model));
//   nn::write_file_atomically("out/wide_and_deep.svg", svg);          // lib/atomic_file.h

#include <string>

#include "lib/models/functional.h"

namespace nn {

/// What model_to_dot() draws (Keras's plot_model arguments).
struct PlotModelOptions {
  bool show_shapes = true;       ///< each box says its input and output shapes
  bool show_layer_names = true;  ///< each box says its layer's name as well as its class
  std::string rankdir = "TB";    ///< "TB": top to bottom; "LR": left to right
};

/// The graph of `model` in DOT: a box per layer (inputs green, outputs orange, the rest blue)
/// and an arrow for each tensor a layer is called on. Throws ValueError for a rankdir other
/// than TB, BT, LR, RL.
std::string model_to_dot(const Functional& model, const PlotModelOptions& options = {});
/// The same for a model made by nn::Model(inputs, outputs). Throws ValueError for a model
/// that is not a graph of layers (a subclassed model: its architecture is its call()).
std::string model_to_dot(const Model& model, const PlotModelOptions& options = {});

/// Runs Graphviz's `dot -T<format>` on `dot_source` and returns what it writes: an SVG
/// document by default. Throws nn::Error saying how to install Graphviz if `dot` is not on
/// the PATH, and with dot's own message if it rejects the input.
std::string render_dot(const std::string& dot_source, const std::string& format = "svg");

}  // namespace nn
