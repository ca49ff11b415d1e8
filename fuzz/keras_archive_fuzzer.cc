// Fuzz target: the .keras archive reader (lib/io/zip_archive.h, lib/io/keras_archive.h) on any
// bytes as a file: zip::Reader and every member read under a limit, then nn::load_model and
// nn::load_weights. Every failure must be an nn::Error; a model that loads must predict. The
// weights member reaches HDF5, whose guard forks: fuzz/hdf5_child.h keeps that honest.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_util.h"
#include "fuzz/hdf5_child.h"
#include "lib/io/keras_h5.h"
#include "lib/io/zip_archive.h"
#include "lib/models/functional.h"
#include "lib/nn.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nn::fuzz::watch_forked_children();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  nn::fuzz::forget_child_report();
  const std::string path = nn::fuzz::write_scratch(data, size, ".keras");
  nn::fuzz::expect_clean("zip::Reader", [&] {
    const nn::zip::Reader archive(path);
    for (const nn::zip::Member& member : archive.members()) {
      nn::fuzz::expect_clean("read", [&] { archive.read(member.name, 1 << 20); });
    }
  });
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
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(3, "softmax")});
  model.build({2});
  nn::fuzz::expect_clean("load_weights", [&] { nn::load_weights(model, path); });
  nn::fuzz::check_child_report();
  return 0;
}
