#pragma once
// The four classification data sets of TensorFlow Playground (playground.tensorflow.org):
// points in the plane, about [-6, 6] on each axis, with a label 0 or 1.
//
//   circle   a disc of 1s (radius 2.5) inside a ring of 0s (radius 3.5 to 5)
//   xor      the quadrants: 1 where x and y have the same sign, 0 where they differ
//   gauss    two round clusters, 1s around (2, 2) and 0s around (-2, -2)
//   spiral   two spirals wound into each other, 1s and 0s
//
// `noise` plays the part of Playground's noise slider (0 to 0.5): it blurs the boundary of
// circle and xor (the label is taken at a jittered copy of the point), widens the clusters
// of gauss, and jitters the points of spiral. Half the points (rounded up) are drawn for
// label 1, the rest for label 0, then the rows are shuffled with the same Rng(seed).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// Labeled points in the plane.
struct PlaygroundData {
  Tensor x;  ///< (n, 2): the coordinates of each point
  Labels y;  ///< (n,): the label of each point, 0 or 1
};

/// A disc inside a ring. Throws ValueError unless 0 <= noise <= 1.
PlaygroundData make_circle(std::size_t n, float noise, std::uint64_t seed);
/// Four quadrants in a checkerboard (exclusive or of the signs). Noise as make_circle().
PlaygroundData make_xor(std::size_t n, float noise, std::uint64_t seed);
/// Two Gaussian clusters; the variance grows from 0.5 (noise 0) to 4 (noise 0.5).
PlaygroundData make_gaussians(std::size_t n, float noise, std::uint64_t seed);
/// Two interleaved spirals of 1.75 turns each. Noise as make_circle().
PlaygroundData make_spirals(std::size_t n, float noise, std::uint64_t seed);

/// The names make_playground() knows: {"circle", "xor", "gauss", "spiral"}.
std::vector<std::string> playground_names();
/// One of the four sets by name. Throws ValueError (listing the names) for another name.
PlaygroundData make_playground(const std::string& name, std::size_t n, float noise,
                               std::uint64_t seed);

}  // namespace nn
