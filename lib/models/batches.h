#pragma once
// What fit(), evaluate() and predict() share: checking the data, gathering rows into batch
// buffers, and the BLAS thread count. Internal to lib/models (namespace nn::detail).

#include <cstddef>
#include <string>
#include <vector>

#include "lib/models/arrays.h"
#include "lib/var.h"

namespace nn::detail {

// Throws ShapeError unless every array of x and y has x's number of rows.
void check_rows(const std::string& who, const Arrays& x, const Arrays& y);

// Throws nn::Error naming the first NaN or infinity in `arrays` (called `what`).
void check_finite(const std::string& who, const std::string& what, const Arrays& arrays);

// Copies rows index[0], ..., index[count − 1] of each array into `batch`; a batch tensor is
// reallocated only when the batch size changes (the last, smaller batch of an epoch). With
// two threads (lib/parallel.h) each copies half the rows: the rows are scattered through a
// large array, and the copy waits on memory more than it computes.
void gather(const Arrays& arrays, const std::size_t* index, std::size_t count,
            std::vector<Tensor>& batch);

// Wraps the gathered inputs in Vars for `step`, then takes the buffers back for the next batch.
template <class Step>
void with_inputs(std::vector<Tensor>& x_batch, Step step) {
  std::vector<Var> inputs;
  for (Tensor& x : x_batch) inputs.emplace_back(std::move(x));
  step(inputs);
  for (std::size_t i = 0; i < inputs.size(); ++i) x_batch[i] = std::move(inputs[i].value());
}

}  // namespace nn::detail
