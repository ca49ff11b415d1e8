// Tests for exercise 7.4. Do not edit: `./book grade resume_training` runs them.
#include "exercises/07_saving/resume_training.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "lib/error.h"
#include "lib/io/model_checkpoint.h"
#include "lib/nn.h"

using exercises::latest_checkpoint;
using exercises::resume_training;
namespace fs = std::filesystem;

namespace {

std::string fresh_folder(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string folder = std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name;
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

void touch(const std::string& path) { std::ofstream(path) << "x"; }

// 80 rows of 3 features, and a target that depends on them.
struct Data {
  nn::Tensor x = nn::Tensor::from_shape({80, 3});
  nn::Tensor y = nn::Tensor::from_shape({80, 1});
  Data() {
    nn::Rng rng(5);
    for (std::size_t i = 0; i < 80; ++i) {
      for (std::size_t j = 0; j < 3; ++j) x(i, j) = rng.uniform(-1.0f, 1.0f);
      y(i, 0) = x(i, 0) * x(i, 1) - 0.5f * x(i, 2);
    }
  }
};

nn::Sequential make_model() {
  nn::set_random_seed(11);
  nn::Sequential model({nn::Dense(16, "tanh"), nn::Dense(1)});
  model.compile("mse", nn::Adam(0.01));
  model.build({3});
  return model;
}

}  // namespace

TEST_CASE("the latest checkpoint is the highest epoch, by number") {
  const std::string folder = fresh_folder("latest");
  for (const char* name :
       {"ckpt-1.h5", "ckpt-9.h5", "ckpt-10.h5", "ckpt-2.h5", "best.h5", "ckpt-11.h5.tmp-a1b2c3",
        "ckpt-final.h5", "ckpt-.h5", "notes.txt", "xckpt-99.h5", "ckpt-99.h5.bak"}) {
    touch(folder + "/" + name);
  }
  const auto [path, epoch] = latest_checkpoint(folder);
  CHECK(path == folder + "/ckpt-10.h5");
  CHECK(epoch == 10);
}

TEST_CASE("no checkpoint is an error naming the folder") {
  const std::string folder = fresh_folder("none");
  touch(folder + "/best.h5");
  CHECK_THROWS_AS(latest_checkpoint(folder), nn::Error);
  try {
    latest_checkpoint(folder);
  } catch (const nn::Error& e) {
    CHECK_THAT(e.what(), Catch::Contains(folder));
  }
}

TEST_CASE("a resumed training ends exactly where the uninterrupted one does") {
  const Data data;
  const nn::FitOptions options{.epochs = 6, .batch_size = 16, .seed = 3, .verbose = 0};
  // The uninterrupted run, leaving a checkpoint after every epoch.
  const std::string folder = fresh_folder("resume");
  nn::Sequential uninterrupted = make_model();
  nn::FitOptions with_checkpoints = options;
  with_checkpoints.callbacks = {std::make_shared<nn::ModelCheckpoint>(folder + "/ckpt-{epoch}.h5")};
  uninterrupted.fit(data.x, data.y, with_checkpoints);
  // The crash: the checkpoints after epoch 3 never were.
  for (int epoch = 4; epoch <= 6; ++epoch) {
    fs::remove(folder + "/ckpt-" + std::to_string(epoch) + ".h5");
  }
  std::unique_ptr<nn::Model> resumed = resume_training(folder, data.x, data.y, options);
  REQUIRE(resumed != nullptr);
  CHECK(resumed->optimizer().iterations() == uninterrupted.optimizer().iterations());
  const std::vector<nn::Tensor> a = uninterrupted.get_weights(), b = resumed->get_weights();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    INFO("weight " << i << " " << nn::shape_string(a[i]) << ": uninterrupted " << a[i](0, 0)
                   << ", resumed " << b[i](0, 0));
    CHECK(std::equal(a[i].begin(), a[i].end(), b[i].begin()));
  }
}

TEST_CASE("resuming a finished training changes nothing") {
  const Data data;
  const nn::FitOptions options{.epochs = 2, .batch_size = 16, .seed = 4, .verbose = 0};
  const std::string folder = fresh_folder("finished");
  nn::Sequential model = make_model();
  nn::FitOptions with_checkpoints = options;
  with_checkpoints.callbacks = {std::make_shared<nn::ModelCheckpoint>(folder + "/ckpt-{epoch}.h5")};
  model.fit(data.x, data.y, with_checkpoints);
  std::unique_ptr<nn::Model> resumed = resume_training(folder, data.x, data.y, options);
  REQUIRE(resumed != nullptr);
  const std::vector<nn::Tensor> a = model.get_weights(), b = resumed->get_weights();
  for (std::size_t i = 0; i < a.size(); ++i)
    CHECK(std::equal(a[i].begin(), a[i].end(), b[i].begin()));
  CHECK(resumed->optimizer().iterations() == model.optimizer().iterations());
}
