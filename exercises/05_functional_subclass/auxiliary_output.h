#pragma once
/// \file
/// # Exercise 5.2: two inputs, two outputs and weighted losses ★★ (20 points)
///
/// Build the chapter's network with two inputs and an auxiliary output, then compile it so
/// that it minimises
///
/// \f[ L = 0.9\,L_{\text{main}} + 0.1\,L_{\text{aux}}, \f]
///
/// with the mean squared error for both outputs.
///
/// `wide_deep_with_aux(wide, deep, units)` returns an `nn::Functional` named
/// `"wide_deep_aux"` with these layers:
///
/// - two inputs, in this order: `nn::Input({wide}, "wide_input")` and
///   `nn::Input({deep}, "deep_input")`;
/// - the deep path: `"hidden1"` and `"hidden2"`, `nn::Dense(units, "relu")`, on the deep
///   input;
/// - `"concat"`: an `nn::Concatenate` of the wide input and `hidden2`'s output, in that order;
/// - two outputs, in this order: `"main_output"`, `nn::Dense(1)` on the concatenation, and
///   `"aux_output"`, `nn::Dense(1)` on `hidden2`'s output.
///
/// `compile_weighted(model, learning_rate)` compiles the model with one `"mse"` loss per
/// output, `nn::Adam(learning_rate)`, the metric `"mae"` and the loss weights 0.9 (main) and
/// 0.1 (auxiliary). Then `fit({x_wide, x_deep}, {y, y})` logs `main_output_loss`,
/// `aux_output_loss`, `main_output_mae`, `aux_output_mae`, and a `loss` that is
/// 0.9 × main + 0.1 × aux.

#include <cstddef>

#include "lib/nn.h"

namespace exercises {

/// The two-input, two-output Wide & Deep network described above.
nn::Functional wide_deep_with_aux(std::size_t wide, std::size_t deep, int units);

/// Compiles `model` with MSE for each output, Adam(learning_rate), the metric "mae" and the
/// loss weights {0.9, 0.1}.
void compile_weighted(nn::Model& model, double learning_rate);

}  // namespace exercises
