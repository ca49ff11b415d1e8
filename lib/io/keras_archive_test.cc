// .keras archives: what save_model writes (members, config schema, weight paths), that it
// loads back exactly with the optimizer's state, Keras 3's naming rule, Windows's group
// names, and every kind of bad archive giving an nn::Error that names the file and the fault.
#include "lib/io/keras_archive.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "lib/error.h"
#include "lib/io/h5_contents.h"
#include "lib/io/hdf5.h"
#include "lib/io/keras3_weights.h"
#include "lib/io/test_models_test.h"
#include "lib/io/zip_archive.h"

namespace nn {
namespace {

using nlohmann::json;
using testing::fresh_folder;

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

double max_difference(const Tensor& a, const Tensor& b) {
  REQUIRE(a.shape() == b.shape());
  return xt::amax(xt::abs(a - b))();
}

// A trained classifier, saved as .keras into `folder`.
Sequential trained_classifier(const std::string& path) {
  Sequential model = testing::make_classifier(3);
  const Tensor x = testing::random_inputs(32, 4, 5);
  model.fit(x, testing::three_classes(x), {.epochs = 2, .batch_size = 8, .seed = 1, .verbose = 0});
  save_model(model, path);
  return model;
}

}  // namespace

TEST_CASE(".keras: three members, Keras 3's config, weights filed by class and order", "[keras3]") {
  const std::string path = fresh_folder("archive") + "/classifier.keras";
  Sequential model = trained_classifier(path);
  const zip::Reader archive(path);
  std::vector<std::string> names;
  for (const zip::Member& m : archive.members()) names.push_back(m.name);
  CHECK(names == std::vector<std::string>{"metadata.json", "config.json", "model.weights.h5"});
  const json metadata = json::parse(archive.read("metadata.json", 1 << 20));
  CHECK(metadata["keras_version"] == kKeras3Version);
  const json config = json::parse(archive.read("config.json", 1 << 20));
  CHECK(config["module"] == "keras");
  CHECK(config["class_name"] == "Sequential");
  CHECK(config.contains("registered_name"));
  CHECK(config["build_config"]["input_shape"] == json::parse("[null, 4]"));
  const json& first = config["config"]["layers"][0];
  CHECK(first["class_name"] == "InputLayer");
  CHECK(first["config"]["batch_shape"] == json::parse("[null, 4]"));
  CHECK(config["config"]["layers"][1]["module"] == "keras.layers");
  CHECK(config["compile_config"]["optimizer"]["class_name"] == "Adam");
  CHECK(config["compile_config"]["loss"] == "sparse_categorical_crossentropy");
  CHECK(keras3_layer_paths(model) == std::vector<std::string>{"layers/dense", "layers/dropout",
                                                              "layers/dense_1", "layers/dense_2"});
  // The same archive twice: the same bytes (no time stamp changes them).
  save_model(model, path + "2.keras");
  CHECK(bytes_of(path) == bytes_of(path + "2.keras"));
}

TEST_CASE(".keras loads back: same predictions, same optimizer state", "[keras3]") {
  const std::string path = fresh_folder("roundtrip") + "/classifier.keras";
  Sequential model = trained_classifier(path);
  std::unique_ptr<Model> loaded = load_model(path);
  const Tensor x = testing::random_inputs(10, 4, 9);
  CHECK(max_difference(loaded->predict(x), model.predict(x)) == 0.0);
  REQUIRE(loaded->compiled());
  CHECK(loaded->optimizer().iterations() == model.optimizer().iterations());
  const Parameter& kernel = *model.layers()[0]->parameters()[0];
  const Parameter& loaded_kernel = *loaded->layers()[0]->parameters()[0];
  CHECK((loaded->optimizer().slots(loaded_kernel).at(1) == model.optimizer().slots(kernel).at(1)));
  // A functional model with a Normalization and a Concatenate, compiled with SGD + momentum.
  const Tensor x_deep = testing::random_inputs(20, 4, 2);
  Functional wide = testing::make_wide_and_deep(4, x_deep);
  const std::string wide_path = fresh_folder("roundtrip_functional") + "/wide.keras";
  save_model(wide, wide_path);
  std::unique_ptr<Model> wide_loaded = load_model(wide_path);
  const std::vector<Tensor> inputs = {testing::random_inputs(20, 2, 1), x_deep};
  CHECK(max_difference(wide_loaded->predict_outputs(inputs)[0], wide.predict_outputs(inputs)[0]) ==
        0.0);
}

TEST_CASE("Keras 3 names weight groups by class and order, not by the layer's name", "[keras3]") {
  set_random_seed(2);
  Sequential model({Dense(3, "relu", "glorot_uniform", "zeros", "dense_6"), LeakyReLU(0.2),
                    Dense(2, "linear", "glorot_uniform", "zeros", "dense_7")});
  model.build({4});
  const std::string path = fresh_folder("naming") + "/m.weights.h5";
  save_weights(model, path);  // Keras 3's weights file: ".weights.h5"
  std::vector<std::string> datasets;
  for (const h5::Entry& e : h5::list_contents(path)) {
    if (!e.is_group) datasets.push_back(e.path);
  }
  CHECK(datasets == std::vector<std::string>{"/layers/dense/vars/0", "/layers/dense/vars/1",
                                             "/layers/dense_1/vars/0", "/layers/dense_1/vars/1"});
  set_random_seed(7);
  Sequential copy({Dense(3, "relu"), LeakyReLU(0.2), Dense(2)});
  copy.build({4});
  load_weights(copy, path);
  const Tensor x = testing::random_inputs(4, 4, 1);
  CHECK(max_difference(copy.predict(x), model.predict(x)) == 0.0);
}

TEST_CASE("Windows's group names (layers\\dense) load too", "[keras3]") {
  set_random_seed(2);
  Sequential model({Dense(3, "relu"), Dense(2)});
  model.build({4});
  const std::string path = fresh_folder("windows") + "/m.weights.h5";
  {
    h5::File file = h5::File::create(path);
    const std::vector<std::string> paths = keras3_layer_paths(model);
    for (std::size_t i = 0; i < 2; ++i) {
      const h5::Group vars =
          file.root().create_group("layers\\" + paths[i].substr(7)).create_group("vars");
      for (std::size_t k = 0; k < 2; ++k) {
        const Parameter& p = *model.layers()[i]->parameters()[k];
        vars.write(std::to_string(k), {p.value().shape(0), p.value().shape(1)}, p.value().data());
      }
    }
    file.close();
  }
  set_random_seed(9);
  Sequential copy({Dense(3, "relu"), Dense(2)});
  copy.build({4});
  load_weights(copy, path);
  const Tensor x = testing::random_inputs(4, 4, 1);
  CHECK(max_difference(copy.predict(x), model.predict(x)) == 0.0);
}

TEST_CASE("bad archives give an nn::Error naming the file and the fault", "[keras3][safety]") {
  const std::string folder = fresh_folder("bad_archives");
  const std::string good = folder + "/good.keras";
  trained_classifier(good);
  const std::string bytes = bytes_of(good);

  const std::string other = folder + "/other.keras";  // a zip, but not Keras's
  zip::write(other, {{"readme.txt", "hello"}});
  CHECK_THROWS_WITH(load_model(other), Catch::Contains(other) &&
                                           Catch::Contains("not a Keras archive") &&
                                           Catch::Contains("config.json"));

  const std::string missing = folder + "/missing.keras";  // no weights member
  zip::write(missing, {{"metadata.json", "{\"keras_version\": \"3.10.0\"}"},
                       {"config.json", zip::Reader(good).read("config.json", 1 << 20)}});
  CHECK_THROWS_WITH(load_model(missing),
                    Catch::Contains(missing) && Catch::Contains("no member model.weights.h5"));

  for (const std::string& name : {std::string("../evil.txt"), std::string("/etc/evil"),
                                  std::string("a/../../evil"), std::string("C:\\evil")}) {
    const std::string slip = folder + "/slip.keras";
    zip::write(slip, {{"config.json", "{}"}, {name, "x"}, {"model.weights.h5", "x"}});
    INFO(name);
    CHECK_THROWS_WITH(load_model(slip), Catch::Contains(slip) && Catch::Contains("unsafe"));
  }
  CHECK(zip::safe_name("layers/dense/vars"));
  CHECK(zip::safe_name("a..b"));

  // A zip bomb: the weights member claims 4 GiB + 1 MiB; its size fields are patched in the
  // central directory (offset 24 of the entry: the uncompressed size, little-endian).
  const std::string bomb = folder + "/bomb.keras";
  std::string patched = bytes;
  const std::size_t entry = patched.rfind(std::string("PK\1\2", 4));
  REQUIRE(entry != std::string::npos);
  REQUIRE(patched.compare(entry + 46, 16, "model.weights.h5") == 0);
  for (int i = 0; i < 4; ++i) patched[entry + 24 + i] = static_cast<char>(0xff);
  write_bytes(bomb, patched);
  CHECK_THROWS_AS(load_model(bomb), DataError);
  CHECK_THROWS_WITH(load_model(bomb), Catch::Contains(bomb));
  // The reader's limit itself, on an honest member.
  CHECK_THROWS_WITH(zip::Reader(good).read("model.weights.h5", 1000),
                    Catch::Contains("more than the 1000") && Catch::Contains("zip bomb"));

  const std::string truncated = folder + "/truncated.keras";
  for (std::size_t keep : {bytes.size() / 2, bytes.size() - 10, std::size_t{30}}) {
    write_bytes(truncated, bytes.substr(0, keep));
    INFO("kept " << keep << " of " << bytes.size() << " bytes");
    CHECK_THROWS_AS(load_model(truncated), Error);
    CHECK_THROWS_WITH(load_model(truncated), Catch::Contains(truncated));
  }

  const std::string garbled = folder + "/garbled.keras";  // a damaged weights member
  std::string damaged = bytes;
  const std::size_t hdf5 = damaged.find("\x89HDF");
  REQUIRE(hdf5 != std::string::npos);
  for (std::size_t i = hdf5 + 200; i < hdf5 + 260; ++i) damaged[i] = 'x';
  write_bytes(garbled, damaged);
  CHECK_THROWS_WITH(load_model(garbled), Catch::Contains(garbled));

  // An unknown layer class: named, with the list of known ones.
  json config = json::parse(zip::Reader(good).read("config.json", 1 << 20));
  config["config"]["layers"][1]["class_name"] = "Conv2D";
  const std::string unknown = folder + "/unknown.keras";
  zip::write(unknown, {{"config.json", config.dump()},
                       {"model.weights.h5", zip::Reader(good).read("model.weights.h5", 1 << 30)}});
  CHECK_THROWS_WITH(load_model(unknown), Catch::Contains(unknown) && Catch::Contains("Conv2D") &&
                                             Catch::Contains("BatchNormalization") &&
                                             Catch::Contains("LeakyReLU"));
}

}  // namespace nn
