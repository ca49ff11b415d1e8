#include "lib/io/hdf5.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "lib/error.h"
#include "lib/io/hdf5_guard.h"
#include "lib/io/hdf5_values.h"

namespace nn::h5 {
namespace {

std::string temporary(const std::string& name) {
  const char* folder = std::getenv("TEST_TMPDIR");
  return std::string(folder != nullptr ? folder : "/tmp") + "/" + name;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A small file laid out like a Keras model: string attributes, a group per layer, arrays.
std::string make_sample(const std::string& name) {
  const std::string path = temporary(name);
  File file = File::create(path);
  {
    Group root = file.root();
    root.set_string_attribute("keras_version", "2.15.0");
    root.set_string_attribute("model_config", "{\"class_name\": \"Sequential\"}");
    Group weights = root.create_group("model_weights");
    weights.set_strings_attribute("layer_names", {"dense", "dense_1"});
    Group dense = weights.create_group("dense");
    dense.set_strings_attribute("weight_names", {"dense/kernel:0", "dense/bias:0"});
    const float kernel[6] = {1, 2, 3, 4, 5, 6};
    const float bias[3] = {0.5f, -0.5f, 0.25f};
    dense.write("dense/kernel:0", {2, 3}, kernel);
    dense.write("dense/bias:0", {3}, bias);
    weights.create_group("dense_1").set_strings_attribute("weight_names", {});
    root.write_int64("iterations", 1234567890123LL);
  }
  file.close();
  return path;
}

}  // namespace

TEST_CASE("a file written through the wrapper reads back, attributes and arrays", "[hdf5]") {
  const std::string path = make_sample("sample.h5");
  REQUIRE(looks_like_hdf5(path));
  File file = File::open(path);
  Group root = file.root();
  CHECK(root.string_attribute("keras_version") == "2.15.0");
  CHECK(root.string_attribute("model_config") == "{\"class_name\": \"Sequential\"}");
  CHECK(root.children() == std::vector<std::string>{"iterations", "model_weights"});
  CHECK(root.has_group("model_weights"));
  CHECK_FALSE(root.has_group("iterations"));
  CHECK(root.has("model_weights/dense/dense/kernel:0"));
  CHECK_FALSE(root.has("model_weights/nothing/kernel:0"));

  Group weights = root.group("model_weights");
  CHECK(weights.path() == "/model_weights");
  CHECK(weights.strings_attribute("layer_names") == std::vector<std::string>{"dense", "dense_1"});
  Group dense = weights.group("dense");
  CHECK(dense.strings_attribute("weight_names") ==
        std::vector<std::string>{"dense/kernel:0", "dense/bias:0"});
  const Array kernel = dense.read("dense/kernel:0");
  CHECK(kernel.shape == std::vector<std::size_t>{2, 3});
  CHECK(kernel.values == std::vector<float>{1, 2, 3, 4, 5, 6});
  const Array bias = dense.read("dense/bias:0");
  CHECK(bias.shape == std::vector<std::size_t>{3});
  CHECK(bias.values == std::vector<float>{0.5f, -0.5f, 0.25f});
  CHECK(weights.group("dense_1").strings_attribute("weight_names").empty());
  // An int64 read as float: 1234567890123 is not a float, the nearest float is what we get.
  CHECK(root.read("iterations").values.at(0) == static_cast<float>(1234567890123LL));
  CHECK(root.read_int64("iterations") == 1234567890123LL);
  CHECK_THROWS_WITH(dense.read_int64("dense/bias:0"), Catch::Contains("is not one integer"));

  CHECK(dense.describe_dataset("dense/kernel:0") == "float32 (2, 3)");
  CHECK(dense.describe_dataset("dense/bias:0") == "float32 (3,)");
  CHECK(root.describe_dataset("iterations") == "int64 ()");
  CHECK(weights.describe_attribute("layer_names") == "[\"dense\", \"dense_1\"]");
  CHECK(weights.group("dense_1").describe_attribute("weight_names") == "float64 (0,)");
  CHECK(root.describe_attribute("keras_version") == "\"2.15.0\"");
  CHECK(root.attribute_names() == std::vector<std::string>{"keras_version", "model_config"});
}

TEST_CASE("asking for what is not there names the file and the path", "[hdf5]") {
  const std::string path = make_sample("missing.h5");
  File file = File::open(path);
  Group root = file.root();
  CHECK_THROWS_WITH(root.group("optimizer_weights"),
                    Catch::Contains(path) && Catch::Contains("no group /optimizer_weights"));
  CHECK_THROWS_WITH(root.string_attribute("training_config"),
                    Catch::Contains("has no attribute training_config"));
  CHECK_THROWS_WITH(root.group("model_weights").read("dense/kernel:0"),
                    Catch::Contains("no dataset /model_weights/dense/kernel:0"));
  CHECK_THROWS_WITH(root.group("model_weights").string_attribute("layer_names"),
                    Catch::Contains("holds 2 strings, expected one"));
}

TEST_CASE("a long list of names is split into chunks as Keras does, and joined back", "[hdf5]") {
  // 2,500 names of 30 bytes are 75,000 bytes, over HDF5's 64,512-byte attribute limit.
  std::vector<std::string> names;
  for (int i = 0; i < 2500; ++i) {
    std::string name = "layer_" + std::to_string(i);
    names.push_back(name + std::string(30 - name.size(), 'x'));
  }
  const auto chunks = keras_chunks("layer_names", names);
  REQUIRE(chunks.size() == 2);  // numpy.array_split(2500 names, 2): 1250 and 1250
  CHECK(chunks[0].first == "layer_names0");
  CHECK(chunks[1].second.size() == 1250);
  CHECK(keras_chunks("layer_names", {"a", "b"}).size() == 1);

  const std::string path = temporary("chunks.h5");
  File file = File::create(path);
  file.root().set_strings_attribute("layer_names", names);
  file.close();
  Group root = File::open(path).root();
  CHECK_FALSE(root.has_attribute("layer_names"));
  CHECK(root.has_attribute("layer_names1"));
  CHECK(root.strings_attribute("layer_names") == names);
}

TEST_CASE("files that are not HDF5, or are cut short or damaged, give a DataError", "[hdf5]") {
  CHECK_THROWS_AS(File::open(temporary("no_such_file.h5")), DataError);
  CHECK_THROWS_WITH(File::open(temporary("no_such_file.h5")), Catch::Contains("no such file"));

  const std::string text = temporary("notes.h5");
  write_bytes(text, "{\"class_name\": \"Sequential\"}\n");
  CHECK_THROWS_WITH(File::open(text), Catch::Contains(text) && Catch::Contains("not an HDF5 file"));

  const std::string empty = temporary("empty.h5");
  write_bytes(empty, "");
  CHECK_THROWS_AS(File::open(empty), DataError);

  // Cut after the signature and the superblock: HDF5 sees the end of file is missing.
  const std::string whole = read_bytes(make_sample("whole.h5"));
  for (std::size_t keep : {std::size_t{8}, std::size_t{100}, whole.size() / 2, whole.size() - 1}) {
    const std::string cut = temporary("cut.h5");
    write_bytes(cut, whole.substr(0, keep));
    INFO("kept " << keep << " of " << whole.size() << " bytes");
    CHECK_THROWS_AS(File::open(cut).root().group("model_weights").read("dense/dense/kernel:0"),
                    DataError);
  }
}

}  // namespace nn::h5

TEST_CASE("the guard trusts only a child that exits with status 0", "[hdf5][guard]") {
  const std::string path = "guarded.h5";  // only named in the messages: the work reads nothing
  nn::h5::run_in_child(path, [] {});      // a clean read
  nn::h5::run_in_child(path, [] { throw nn::DataError("a clean error HDF5 reported"); });
  // A sanitizer that found a fault in the child exits 1: the file is damaged, not clean.
  CHECK_THROWS_WITH(nn::h5::run_in_child(path, [] { _exit(1); }),
                    Catch::Contains("guarded.h5: damaged") && Catch::Contains("status 1"));
  CHECK_THROWS_WITH(nn::h5::run_in_child(path, [] { raise(SIGKILL); }),
                    Catch::Contains("guarded.h5: damaged") && Catch::Contains("crashed"));
}
