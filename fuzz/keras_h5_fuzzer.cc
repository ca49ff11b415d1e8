// Fuzz target: nn::load_model and nn::load_weights (lib/io/keras_h5.h) on any bytes as a file.
// Every failure must be an nn::Error; a model that loads must predict.
//
// HDF5's guard forks a child per file: fuzz/hdf5_child.h keeps that honest under the fuzzer.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_util.h"
#include "fuzz/hdf5_child.h"
#include "lib/io/keras_h5.h"
#include "lib/models/functional.h"
#include "lib/nn.h"

namespace {

// A small classifier: the architecture of the seed weights file (fuzz/make_corpus.cc).
nn::Sequential small_model() {
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(3, "softmax")});
  model.build({2});
  return model;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nn::fuzz::watch_forked_children();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nn::fuzz::forget_child_report();
  const std::string path = nn::fuzz::write_scratch(data, size, ".h5");
  nn::fuzz::expect_clean("load_model", [&] {
    std::unique_ptr<nn::Model> model = nn::load_model(path);
    std::vector<nn::Tensor> x;  // two rows of 0.5 for each input
    if (const auto* functional = dynamic_cast<const nn::Functional*>(model.get())) {
      for (const nn::SymbolicTensor& input : functional->inputs()) {
        x.push_back(xt::full_like(nn::Tensor::from_shape({2, input.width()}), 0.5f));
      }
    } else {
      const std::size_t width = model->layers().at(0)->input_dims().at(0);
      x.push_back(xt::full_like(nn::Tensor::from_shape({2, width}), 0.5f));
    }
    model->predict_outputs(x);
  });
  nn::Sequential model = small_model();
  nn::fuzz::expect_clean("load_weights", [&] { nn::load_weights(model, path); });
  nn::fuzz::expect_clean("load_weights by name",
                         [&] { nn::load_weights(model, path, {.by_name = true}); });
  nn::fuzz::check_child_report();
  return 0;
}
