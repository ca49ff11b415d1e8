#pragma once
/// \file
/// # Exercise 2.7: why a stack of linear layers collapses ★ (15 points)
///
/// Without activation functions, depth buys nothing: a Dense layer without activation is
/// an affine map \f$x \mapsto x W + b\f$, and two of them in a row are again one,
///
/// \f[ (x W_1 + b_1) W_2 + b_2 = x\,(W_1 W_2) + (b_1 W_2 + b_2), \f]
///
/// so any stack of them computes what a single layer could, and cannot draw a boundary
/// that is not a straight line (or plane). Worse, it is a *narrower* map than its widest
/// layer: a 4 → 1 → 4 stack squeezes everything through one number, and its equivalent
/// 4 × 4 matrix \f$W_1 W_2\f$ has rank 1.
///
/// Write `collapse(layers)`, the one affine layer equivalent to applying `layers` in
/// order (rows as examples, `W`: (in, out), `b`: (1, out), as in `nn::Dense`). Fold them
/// one at a time, starting from the first. Throw `nn::ShapeError` naming both shapes
/// (`nn::shape_string`) when a layer's `W` does not fit the previous layer's output, or
/// a `b` does not fit its `W`, and `std::invalid_argument` for an empty list.

#include <stdexcept>
#include <vector>

#include "lib/error.h"
#include "lib/tensor.h"

namespace exercises {

/// An affine layer y = x W + b.
struct Affine {
  nn::Tensor W;  ///< (in, out)
  nn::Tensor b;  ///< (1, out)
};

/// The single affine layer equivalent to `layers` applied in order.
Affine collapse(const std::vector<Affine>& layers);

}  // namespace exercises
