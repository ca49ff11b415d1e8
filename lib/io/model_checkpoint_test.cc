#include "lib/io/model_checkpoint.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/keras_h5.h"
#include "lib/io/test_models_test.h"

namespace nn {
namespace {

using testing::files_in;
using testing::fresh_folder;

bool identical(const Tensor& a, const Tensor& b) {
  return a.shape() == b.shape() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

TEST_CASE("checkpoint paths are formatted as Python's str.format formats them", "[checkpoint]") {
  const Logs logs{{"loss", 0.52341}, {"val_loss", 0.312749}, {"val_accuracy", 0.875}};
  CHECK(format_checkpoint_path("ckpt-{epoch:02d}.h5", 2, logs) == "ckpt-03.h5");  // from 1
  CHECK(format_checkpoint_path("ckpt-{epoch}.h5", 11, logs) == "ckpt-12.h5");
  CHECK(format_checkpoint_path("m-{epoch:03d}-{val_loss:.4f}.h5", 0, logs) == "m-001-0.3127.h5");
  CHECK(format_checkpoint_path("{val_accuracy:.2f}-{loss:.3e}", 0, logs) == "0.88-5.234e-01");
  CHECK(format_checkpoint_path("{val_loss}", 0, logs) == "0.312749");
  CHECK(format_checkpoint_path("{epoch:4d}|{{literal}}", 6, logs) == "   7|{literal}");
  CHECK_THROWS_WITH(format_checkpoint_path("ckpt-{val_acc}.h5", 0, logs),
                    Catch::Contains("val_acc") && Catch::Contains("\"val_accuracy\""));
  CHECK_THROWS_WITH(format_checkpoint_path("{epoch:x}", 0, logs), Catch::Contains("spec 'x'"));
  CHECK_THROWS_WITH(format_checkpoint_path("{loss:d}", 0, logs),
                    Catch::Contains("not a whole number"));
  CHECK_THROWS_AS(ModelCheckpoint("ckpt-{epoch.h5"), ValueError);
  CHECK_THROWS_AS(ModelCheckpoint("ckpt.h5", {.mode = "best"}), ValueError);
}

TEST_CASE("a checkpoint every epoch: one loadable file per epoch, the last one the model",
          "[checkpoint]") {
  const std::string folder = fresh_folder("every_epoch");
  const Tensor x = testing::random_inputs(48, 4, 1);
  const Tensor y = testing::three_classes(x);
  Sequential model = testing::make_classifier(2);
  auto checkpoint = std::make_shared<ModelCheckpoint>(folder + "/ckpt-{epoch:02d}.h5");
  model.fit(x, y, {.epochs = 3, .batch_size = 16, .callbacks = {checkpoint}, .verbose = 0});
  CHECK(files_in(folder) == std::vector<std::string>{"ckpt-01.h5", "ckpt-02.h5", "ckpt-03.h5"});
  CHECK(checkpoint->saved().size() == 3);
  CHECK(identical(load_model(folder + "/ckpt-03.h5")->predict(x), model.predict(x)));
  CHECK_FALSE(identical(load_model(folder + "/ckpt-01.h5")->predict(x), model.predict(x)));
}

TEST_CASE("save_best_only writes only improvements, and says so as Keras does", "[checkpoint]") {
  const std::string folder = fresh_folder("best_only");
  Sequential model = testing::make_classifier(3);
  std::ostringstream printed;
  ModelCheckpoint checkpoint(folder + "/best.h5",
                             {.verbose = 1, .save_best_only = true, .save_weights_only = true},
                             printed);
  checkpoint.set_model(&model);
  const double val_losses[] = {0.5, 0.4, 0.45, 0.3};
  for (int epoch = 0; epoch < 4; ++epoch) {
    Logs logs{{"loss", 1.0}, {"val_loss", val_losses[epoch]}};
    checkpoint.on_epoch_end(epoch, logs);
  }
  CHECK(checkpoint.saved().size() == 3);  // epochs 1, 2 and 4
  CHECK(checkpoint.best() == 0.3);
  CHECK(files_in(folder) == std::vector<std::string>{"best.h5"});
  CHECK_THAT(printed.str(),
             Catch::Contains("Epoch 00001: val_loss improved from inf to 0.50000") &&
                 Catch::Contains("Epoch 00003: val_loss did not improve from 0.40000") &&
                 Catch::Contains("Epoch 00004: val_loss improved from 0.40000 to 0.30000"));
  CHECK_FALSE(h5::File::open(folder + "/best.h5").root().has_attribute("model_config"));

  // "auto" watches an accuracy the other way round; a missing key is an error, not a skip.
  ModelCheckpoint accuracy(folder + "/acc.h5", {.monitor = "val_accuracy", .save_best_only = true});
  accuracy.set_model(&model);
  Logs logs{{"val_accuracy", 0.7}};
  accuracy.on_epoch_end(0, logs);
  logs["val_accuracy"] = 0.6;
  accuracy.on_epoch_end(1, logs);
  CHECK(accuracy.best() == 0.7);
  Logs no_validation{{"loss", 0.5}};
  CHECK_THROWS_WITH(checkpoint.on_epoch_end(4, no_validation),
                    Catch::Contains("val_loss") && Catch::Contains("validation_data"));
}

TEST_CASE("training resumed from a checkpoint ends where an uninterrupted one does",
          "[checkpoint]") {
  const std::string folder = fresh_folder("resume");
  const Tensor x = testing::random_inputs(64, 4, 5);
  const Tensor y = testing::three_classes(x);
  auto checkpoint = std::make_shared<ModelCheckpoint>(folder + "/ckpt-{epoch}.h5");
  Sequential model = testing::make_classifier(4, /*dropout=*/0.0);
  model.fit(x, y,
            {.epochs = 4, .batch_size = 16, .seed = 1, .callbacks = {checkpoint}, .verbose = 0});
  std::unique_ptr<Model> resumed = load_model(folder + "/ckpt-2.h5");  // "crashed" after 2
  resumed->fit(x, y, {.epochs = 4, .batch_size = 16, .seed = 1, .verbose = 0, .initial_epoch = 2});
  const std::vector<Tensor> a = model.get_weights(), b = resumed->get_weights();
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(identical(a[i], b[i]));
}

}  // namespace nn
