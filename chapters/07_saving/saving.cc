/// # Saving and restoring models
///
/// A trained network is a few hundred thousand numbers that took minutes, hours or days
/// of computing to find. Everything it has learnt lives in those numbers, so a program
/// that trains a model and then exits throws the work away unless it writes them down. A
/// saved model is how a network leaves the program that trained it: it is loaded by
/// another program that makes predictions with it, copied to another machine, kept as the
/// best of a long training run, or picked up again after a crash. This chapter saves and
/// restores the models of the earlier chapters in Keras's two file formats: HDF5 (`.h5`),
/// the format of Keras 2, which Keras 3 still reads and now calls legacy, and the `.keras`
/// archive, today's format. It looks inside both, and shows what has to be in a file for
/// training to resume exactly where it stopped.
///
/// *Sources.* Géron's chapter 10, "Saving and Restoring a Model" and the checkpoint part of
/// "Using Callbacks", and the article's section on saving models and weights.
///
/// ## Train, save, load
///
/// Our first model is chapter 4's classifier of Fashion-MNIST clothes: the 28 × 28 pixels
/// of an image, flattened, go through two hidden ReLU layers of 300 and 100 units to a
/// softmax over the ten classes. It trains with Adam for \result{epochs} epochs on
/// \result{train_images} images.
// book:hide
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <xtensor/xview.hpp>

#include "lib/atomic_file.h"
#include "lib/chapter/chapter.h"
#include "lib/chapter/wrap.h"
#include "lib/data/auto_mpg.h"
#include "lib/data/fashion_mnist.h"
#include "lib/data/scaler.h"
#include "lib/error.h"
#include "lib/io/h5_contents.h"
#include "lib/io/json_config.h"
#include "lib/io/keras3_weights.h"
#include "lib/io/keras_h5.h"
#include "lib/io/model_checkpoint.h"
#include "lib/io/zip_archive.h"
#include "lib/nn.h"
#include "lib/plot/figure.h"

namespace {

namespace fs = std::filesystem;

nn::FashionMnist load_data(const nn::chapter::Context& chapter) {
  // A quick run: 2,000 validation images held out, 10,000 to train on, 2,000 to test.
  return nn::load_fashion_mnist(
      nn::chapter_subset(chapter.option("data-dir"), chapter.quick(), 2000, 10000, 2000));
}

// The largest |a - b| over two tensors of one shape (infinity if the shapes differ).
double max_abs_difference(const nn::Tensor& a, const nn::Tensor& b) {
  if (a.shape() != b.shape()) return INFINITY;
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, static_cast<double>(std::abs(a.data()[i] - b.data()[i])));
  }
  return worst;
}

double max_abs_difference(const std::vector<nn::Tensor>& a, const std::vector<nn::Tensor>& b) {
  double worst = a.size() == b.size() ? 0.0 : INFINITY;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    worst = std::max(worst, max_abs_difference(a[i], b[i]));
  }
  return worst;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

nn::Tensor first_rows(const nn::Tensor& x, std::size_t n) {
  return xt::view(x, xt::range(0, n), xt::all());
}

nlohmann::json rows_of(const nn::Tensor& x) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < x.shape(0); ++i) {
    rows.push_back(std::vector<float>(&x(i, 0), &x(i, 0) + x.shape(1)));
  }
  return rows;
}

// Inputs and the C++ predictions beside a model file, for tools/check_h5_with_numpy.py.
void write_predictions(const std::string& model_path, const std::vector<nn::Tensor>& inputs,
                       const nn::Tensor& predictions) {
  nlohmann::json saved;
  if (inputs.size() == 1) {
    saved["inputs"] = rows_of(inputs[0]);
  } else {
    for (const nn::Tensor& x : inputs) saved["inputs"].push_back(rows_of(x));
  }
  saved["predictions"] = rows_of(predictions);
  // fashion_mlp.h5 -> fashion_mlp.predictions.json; fashion_mlp.keras -> fashion_mlp.keras.pre...
  const bool h5 = model_path.size() > 3 && model_path.compare(model_path.size() - 3, 3, ".h5") == 0;
  const std::string stem = h5 ? model_path.substr(0, model_path.size() - 3) : model_path;
  nn::write_file_atomically(stem + ".predictions.json", saved.dump() + "\n");
}

// book:show
nn::Sequential fashion_classifier() {
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::Adam(1e-3), {"accuracy"});
  return model;
}

/// Saving takes one line and loading another. `nn::save_model` writes everything needed
/// to use the model again; `nn::load_model` reads the file and rebuilds a model from it:
/// the same layers with the same settings and the same weights, compiled again with the
/// same loss, metrics and optimizer. It returns a `std::unique_ptr<nn::Model>`, since the
/// file decides what kind of model comes back, a Sequential here.
// book:hide
struct Trained {
  std::string path;
  nn::Tensor predictions;  // of the first 100 test images
};

Trained show_train_save_load(nn::chapter::Context& chapter, const nn::FashionMnist& data,
                             int epochs) {
  auto& out = chapter.section("reload", "Train, save, load, predict");
  const std::string path = chapter.out_dir() + "/fashion_mlp.h5";
  // book:show
  nn::set_random_seed(chapter.seed());
  nn::Sequential model = fashion_classifier();
  model.fit(data.x_train, data.y_train,
            {.epochs = epochs,
             .validation_data = {{data.x_validation, data.y_validation}},
             .seed = chapter.seed(),
             .verbose = 0});
  nn::save_model(model, path);                                 // Keras: model.save(path)
  std::unique_ptr<nn::Model> restored = nn::load_model(path);  // keras.models.load_model
  const nn::Tensor before = model.predict(data.x_test);        // (test images, 10)
  const nn::Tensor after = restored->predict(data.x_test);
  // book:hide
  const double difference = max_abs_difference(before, after);
  const nn::Logs original = model.evaluate(data.x_test, data.y_test, 32, 0);
  const nn::Logs reloaded = restored->evaluate(data.x_test, data.y_test, 32, 0);
  out << std::fixed << std::setprecision(4);
  out << "saved " << path << " (" << fs::file_size(path) / 1024 << " KiB)\n";
  out << "                    test loss   test accuracy\n";
  out << "trained model       " << std::setw(9) << original.at("loss") << std::setw(16)
      << original.at("accuracy") << "\n";
  out << "loaded from file    " << std::setw(9) << reloaded.at("loss") << std::setw(16)
      << reloaded.at("accuracy") << "\n";
  out << "largest difference between the " << before.size()
      << " predicted probabilities: " << std::setprecision(1) << difference << "\n";
  out << "the loaded model is compiled: " << std::boolalpha << restored->compiled() << " ("
      << restored->optimizer().name() << ", learning rate " << std::setprecision(4)
      << restored->optimizer().learning_rate() << ", step " << restored->optimizer().iterations()
      << ")\n";
  chapter.result("reload_max_abs_difference", difference);
  chapter.result("test_accuracy", original.at("accuracy"));
  chapter.result("reloaded_test_accuracy", reloaded.at("accuracy"));
  chapter.result("model_file_kib", fs::file_size(path) / 1024.0);
  chapter.result("parameter_count", model.count_params());
  chapter.result("adam_steps", restored->optimizer().iterations());
  // Predictions of a batch depend on its shape in the last bits (BLAS blocks the products
  // by size), so what is compared later is predicted on the very same rows.
  const nn::Tensor twenty = first_rows(data.x_test, 20), hundred = first_rows(data.x_test, 100);
  write_predictions(path, {twenty}, model.predict(twenty));
  return {path, model.predict(hundred)};
}
// book:show

/// \output{reload}
///
/// The loaded model and the trained one agree to the last bit: the largest difference
/// between their \result{test_images} × 10 predicted probabilities is
/// \result{reload_max_abs_difference}, and both classify \result{test_accuracy|.1%} of the
/// test images correctly. Nothing was rounded on the way: the weights are stored as the
/// same 32-bit floats the model computes with. The loaded model also remembers how it was
/// trained, down to the \result{adam_steps} steps Adam had taken, so it could go on
/// training (we will do exactly that below).
///
/// Keras writes `model.save("my_model.h5")`, a method of the model. Here saving is a free
/// function, as Keras's own `keras.models.save_model(model, path)` also is: the network
/// library knows nothing of files, and a program that saves models says so by depending on
/// `//lib/io`, where saving lives.
///
/// ## What the file holds
///
/// HDF5 (Hierarchical Data Format, version 5) is a container for numbers used across
/// science: one file holds a tree of *groups*, which are like folders, and *datasets*,
/// which are n-dimensional arrays, and any of them can carry *attributes*, small named
/// values. Keras 2 fixed a layout inside that tree, and we write the same one, so that
/// Keras, h5py, or any HDF5 tool can read our files. Here is the file we just saved,
/// listed by walking it with the HDF5 library:
// book:hide
// Bytes by part of the file, from its own listing: "float32 (784, 300)" is 784 × 300 × 4.
std::map<std::string, double> bytes_by_part(const std::vector<nn::h5::Entry>& entries) {
  std::map<std::string, double> parts;
  for (const nn::h5::Entry& entry : entries) {
    if (entry.is_group) {
      for (const auto& [name, value] : entry.attributes) {
        if (name == "model_config" || name == "training_config") {
          const auto cut = value.rfind('(');  // `"{...}..." (1234 characters)`
          parts["configs (JSON)"] +=
              cut == std::string::npos ? value.size() : std::stod(value.substr(cut + 1));
        }
      }
      continue;
    }
    std::istringstream type(entry.type);  // "float32 (784, 300)"
    std::string dtype, dims;
    type >> dtype;
    std::getline(type, dims);
    double bytes = std::stod(dtype.substr(dtype.find_first_of("0123456789"))) / 8;
    for (char& c : dims) c = std::isdigit(static_cast<unsigned char>(c)) ? c : ' ';
    std::istringstream sizes(dims);
    for (double d; sizes >> d;) bytes *= d;
    const bool optimizer = entry.path.rfind("/optimizer_weights", 0) == 0;
    const std::string layer = entry.path.substr(15, entry.path.find('/', 15) - 15);
    parts[optimizer ? "Adam's m and v" : "weights: " + layer] += bytes;
  }
  return parts;
}

void show_layout(nn::chapter::Context& chapter, const std::string& path) {
  auto& out = chapter.section("layout", "Inside fashion_mlp.h5");
  // book:show
  const std::vector<nn::h5::Entry> entries = nn::h5::list_contents(path);
  // book:hide
  out << nn::h5::format_contents(entries, 100);
  nlohmann::json layout = nlohmann::json::object();
  for (const nn::h5::Entry& entry : entries) {
    if (entry.is_group) {
      layout[entry.path] = nlohmann::json::array();
      for (const auto& [name, value] : entry.attributes) layout[entry.path].push_back(name);
    } else {
      layout[entry.path] = entry.type;
    }
  }
  chapter.result("h5_layout", layout);

  std::map<std::string, double> parts = bytes_by_part(entries);
  double counted = 0;
  for (const auto& [name, bytes] : parts) counted += bytes;
  const double file = fs::file_size(path);
  parts["HDF5's own structure"] = file - counted;
  std::vector<std::string> labels;
  std::vector<double> kib;
  for (const auto& [name, bytes] : parts) {  // the layers' weights first, in order
    if (name.rfind("weights: ", 0) != 0) continue;
    labels.push_back(name);
    kib.push_back(bytes / 1024.0);
  }
  for (const char* name : {"Adam's m and v", "configs (JSON)", "HDF5's own structure"}) {
    labels.push_back(name);
    kib.push_back(parts[name] / 1024.0);
  }
  chapter.result("optimizer_state_kib", parts["Adam's m and v"] / 1024.0);
  chapter.result("structure_kib", parts["HDF5's own structure"] / 1024.0);
  nn::plot::Figure figure(760, 380);
  auto& ax = figure.axes();
  ax.bar(labels, kib, {"", "#4c72b0", true});
  ax.ylabel("KiB");
  ax.title("Where the " + std::to_string(static_cast<int>(file / 1024)) + " KiB of the file go");
  figure.save(chapter.figure("file_bytes.svg"));
}
// book:show

/// \output{layout}
///
/// At the root, four attributes. `keras_version` and `backend` say which Keras layout the
/// file follows. `model_config` is the architecture as JSON text: the class of the model
/// and, for each layer, its Keras class name and settings (`Dense` with its `units`,
/// `activation`, `use_bias` and initializers, `Flatten` with the shape of one example).
/// `training_config` is what `compile()` was given: the loss, the metrics, and the
/// optimizer with its settings.
///
/// The group `model_weights` holds the weights, one group per layer, named in the
/// attribute `layer_names`; each layer's group lists its arrays in `weight_names`, in the
/// order the layer uses them. A Dense layer's kernel \f$W\f$ has one row per input and one
/// column per unit, \f$(784, 300)\f$ for the first hidden layer, so that a batch of rows
/// \f$X\f$ goes through as \f$XW + b\f$. Its bias is stored as a vector of 300 numbers,
/// although our layer keeps it as a one-row matrix \f$(1, 300)\f$ that broadcasts over the
/// rows of a batch: the file has Keras's shapes, and loading converts. The Flatten layer
/// has no weights, and its group is empty.
///
/// The library writes this part of the file in a few lines. `write_weights` lists the layers
/// in `layer_names`, makes one group per layer, names each array `layer/weight:0` as
/// TensorFlow names its variables (`dense/kernel:0`), and `keras_shape` gives each array
/// Keras's shape: a kernel as it is, a one-row bias as a vector, and a normalization layer's
/// count as a single number.
///
/// \library{lib/io/keras_weights.cc}{weights_layout}{How the weights are laid out in the file: one
/// group per layer, one array per weight, in Keras's shapes.}
///
/// The group `optimizer_weights` is Adam's memory. For each weight Adam keeps two running
/// averages, \f$m\f$ of the gradients and \f$v\f$ of their squares, each the weight's own
/// shape, and the number of steps taken, `iter`, which its bias correction
/// \f$\sqrt{1-\beta_2^t}/(1-\beta_1^t)\f$ needs. That is twice as many numbers again as
/// the model itself (\result{optimizer_state_kib|.0f} KiB here), and a file meant only for
/// predictions can leave them out (`nn::save_model(model, path, false)`).
///
/// \figure{file_bytes.svg}{What fills fashion_mlp.h5, from its own listing: the weights of
/// each layer, Adam's state, the JSON configs, and the bytes HDF5 spends on its own structure}
///
/// Since the layout is Keras's, nothing of this library is needed to read the file. The
/// chapter also writes `fashion_mlp.predictions.json` beside it, with twenty test images
/// and the probabilities our C++ model gave them. `tools/check_h5_with_numpy.py` opens the
/// model file with Python's h5py, checks the layout described above, recomputes the twenty
/// predictions with numpy alone from the file's config and weights (\f$XW+b\f$ and the
/// activation, layer after layer), and compares; `./book test` runs it on every build.
///
/// ## The architecture alone, as JSON
///
/// The architecture and the weights can also travel apart. `nn::model_to_json` (Keras's
/// `model.to_json()`) gives the `model_config` as a text of its own, which
/// `nn::model_from_json` turns back into a model with the same layers and fresh random
/// weights; `nn::load_weights` then fills in the trained weights from any file that holds
/// them. Early Keras programs often shipped models this way, a `.json` and a weights file.
// book:hide
void show_json(nn::chapter::Context& chapter, const nn::FashionMnist& data,
               const std::string& path) {
  auto& out = chapter.section("json", "The architecture as JSON, the weights from the file");
  std::unique_ptr<nn::Model> saved = nn::load_model(path);
  // book:show
  const std::string json = nn::model_to_json(*saved);
  std::unique_ptr<nn::Model> rebuilt = nn::model_from_json(json);  // fresh random weights
  const nn::Tensor fresh = rebuilt->predict(data.x_test);
  nn::load_weights(*rebuilt, path);  // the trained ones
  // book:hide
  const nn::Tensor expected = saved->predict(data.x_test);
  const double before = max_abs_difference(fresh, expected);
  const double after = max_abs_difference(rebuilt->predict(data.x_test), expected);
  const nlohmann::json parsed = nlohmann::json::parse(json);
  const nlohmann::json& layers = parsed["config"]["layers"];
  out << "model_to_json(): " << json.size() << " characters of JSON\n"
      << "  class_name " << parsed["class_name"] << ", keras_version " << parsed["keras_version"]
      << ", backend " << parsed["backend"] << "\n"
      << "  config: name " << parsed["config"]["name"] << ", layers";
  for (const auto& layer : layers) out << " " << layer["class_name"].get<std::string>();
  for (const auto& layer : layers) {
    if (layer["class_name"] != "Dense") continue;
    std::istringstream config(layer["config"].dump(2));
    out << "\nthe first Dense layer's config:\n";
    for (std::string line; std::getline(config, line);) out << "  " << line << "\n";
    break;
  }
  out << std::fixed << std::setprecision(4);
  out << "rebuilt from the JSON, before load_weights: largest difference " << before
      << "; compiled: " << std::boolalpha << rebuilt->compiled() << "\n";
  out << "after load_weights: largest difference " << std::setprecision(1) << after << "\n";
  chapter.result("json_characters", json.size());
  chapter.result("json_fresh_max_abs_difference", before);
  chapter.result("json_reload_max_abs_difference", after);
}
// book:show

/// \output{json}
///
/// With its fresh weights the rebuilt model is a random classifier: its probabilities are
/// up to \result{json_fresh_max_abs_difference|.2f} away from the trained model's. After
/// `load_weights` the difference is \result{json_reload_max_abs_difference}. The JSON
/// text does not say how the model was trained, so the rebuilt model is not compiled:
/// that part of the file, `training_config`, came with `load_model` only.
///
/// ## Functional models
///
/// A functional model is a graph of layers, and a graph is data too: for every layer the
/// config says which layers' outputs it was called on (its `inbound_nodes`), and it names
/// the model's inputs and outputs. Here is chapter 5's Wide & Deep network for the fuel
/// economy of cars, with two inputs: a wide path that takes five features straight to the
/// output layer and a deep path that takes seven through two hidden layers. Each path
/// starts with a `Normalization` layer that learnt the means and variances of its
/// features from the training set:
// book:hide
using Cars = nn::ThreeWaySplit<nn::Tensor>;

nn::Tensor columns(const nn::Tensor& x, std::size_t first, std::size_t end) {
  return xt::view(x, xt::all(), xt::range(first, end));
}

// book:show
nn::Functional wide_and_deep(const nn::Tensor& wide_train, const nn::Tensor& deep_train) {
  nn::SymbolicTensor wide = nn::Input({5}, "wide_input");  // cylinders .. acceleration
  nn::SymbolicTensor deep = nn::Input({7}, "deep_input");  // horsepower .. origin
  nn::Normalization norm_wide("norm_wide"), norm_deep("norm_deep");
  norm_wide.adapt(wide_train);
  norm_deep.adapt(deep_train);
  nn::SymbolicTensor hidden1 = nn::Dense(30, "relu")(norm_deep(deep));
  nn::SymbolicTensor hidden2 = nn::Dense(30, "relu")(hidden1);
  nn::SymbolicTensor both = nn::concatenate({norm_wide(wide), hidden2});
  nn::SymbolicTensor mpg = nn::Dense(1, "linear", "glorot_uniform", "zeros", "mpg")(both);
  nn::Functional model({wide, deep}, {mpg}, "wide_and_deep");
  model.compile("mse", nn::Adam(3e-3), {"mae"});
  return model;
}

/// Trained, saved and loaded, it predicts as before, and the Concatenate layer's entry in
/// the file's `model_config` still says what it joins:
// book:hide
void show_functional(nn::chapter::Context& chapter, const Cars& cars, int epochs) {
  auto& out = chapter.section("functional", "A functional model, saved and loaded");
  const nn::Tensor wide_train = columns(cars.x_train, 0, 5),
                   deep_train = columns(cars.x_train, 2, 9);
  const nn::Arrays x_test = {columns(cars.x_test, 0, 5), columns(cars.x_test, 2, 9)};
  nn::set_random_seed(chapter.seed());
  nn::Functional model = wide_and_deep(wide_train, deep_train);
  model.fit({wide_train, deep_train}, cars.y_train,
            {.epochs = epochs, .seed = chapter.seed(), .verbose = 0});
  const std::string path = chapter.out_dir() + "/wide_and_deep.h5";
  nn::save_model(model, path);
  std::unique_ptr<nn::Model> restored = nn::load_model(path);
  const double difference = max_abs_difference(model.predict(x_test), restored->predict(x_test));
  const nlohmann::json config = nn::model_config(*restored);
  out << std::fixed << std::setprecision(3);
  out << "model_config: class " << config["class_name"].get<std::string>() << ", "
      << config["config"]["layers"].size() << " layers\n";
  out << "  input_layers:  " << config["config"]["input_layers"].dump() << "\n";
  out << "  output_layers: " << config["config"]["output_layers"].dump() << "\n";
  for (const auto& layer : config["config"]["layers"]) {
    if (layer["class_name"] == "Concatenate") {
      out << "  " << layer["name"].get<std::string>()
          << " inbound_nodes: " << layer["inbound_nodes"].dump() << "\n";
    }
  }
  const nn::Tensor norm_deep_mean = restored->get_layer("norm_deep")->get_weights()[0];
  const double count = restored->get_layer("norm_deep")->get_weights()[2](0, 0);
  out << "norm_deep's statistics, loaded from the file: count " << std::setprecision(0) << count
      << ", mean horsepower " << std::setprecision(1) << norm_deep_mean(0, 0) << "\n";
  out << std::setprecision(3) << "test MAE: trained "
      << model.evaluate(x_test, cars.y_test, 32, 0).at("mae") << " mpg, loaded "
      << restored->evaluate(x_test, cars.y_test, 32, 0).at("mae") << " mpg\n";
  out << "largest difference between the predictions: " << std::setprecision(1) << difference
      << "\n";
  chapter.result("functional_reload_max_abs_difference", difference);
  chapter.result("normalization_count", static_cast<int>(count));
  chapter.result("train_cars", cars.x_train.shape(0));
  write_predictions(path, {x_test[0], x_test[1]}, model.predict(x_test));
}
// book:show

/// \output{functional}
///
/// Each entry of `inbound_nodes` is one call of the layer, and lists what it was called
/// on as `[layer, node, tensor, arguments]`: the output of the first call (node 0) of
/// `norm_wide`, its only tensor (0), with no extra arguments (`{}`), and the same of the
/// second hidden layer. To load the model, the reader makes the inputs, then calls each
/// layer on the tensors its entries name, which rebuilds the graph call by call. The difference
/// between the predictions of the two models is \result{functional_reload_max_abs_difference}.
///
/// The normalization travelled with the model. Its statistics are weights that training
/// does not change, saved like any other: the mean and variance of each feature, and the
/// number of rows they came from, \result{normalization_count} training cars. A model
/// whose preprocessing is inside it cannot be fed raw data with the wrong scaling by a
/// program that loads it; the scaling comes with the file.
///
/// ## Today's format: the .keras archive
///
/// Since Keras 3 (the Keras of TensorFlow 2.16 and later), `model.save("m.keras")` writes
/// a zip archive, and Keras calls the `.h5` file above legacy: it still reads it, but no
/// longer recommends it. The name chooses the format when saving: `nn::save_model(model,
/// "fashion_mlp.keras")` writes the archive, and `nn::load_model` chooses by content, a zip
/// or an HDF5 file, as `keras.models.load_model` does. Bringing a legacy file to today's
/// format is a load and a save:
// book:hide
void show_keras_archive(nn::chapter::Context& chapter, const nn::FashionMnist& data,
                        const Cars& cars) {
  auto& out = chapter.section("keras", "Inside fashion_mlp.keras");
  const std::string h5 = chapter.out_dir() + "/fashion_mlp.h5";
  const std::string keras = chapter.out_dir() + "/fashion_mlp.keras";
  // book:show
  std::unique_ptr<nn::Model> legacy = nn::load_model(h5);  // Keras 2's layout
  nn::save_model(*legacy, keras);                          // Keras 3's archive
  std::unique_ptr<nn::Model> model = nn::load_model(keras);
  // book:hide
  const nn::Tensor hundred = first_rows(data.x_test, 100), twenty = first_rows(data.x_test, 20);
  const double difference = max_abs_difference(legacy->predict(hundred), model->predict(hundred));
  nlohmann::json members = nlohmann::json::array();
  out << "members of " << fs::path(keras).filename().string() << " (a zip archive, "
      << fs::file_size(keras) / 1024 << " KiB):\n";
  const nn::zip::Reader archive(keras);
  for (const nn::zip::Member& member : archive.members()) {
    out << "  " << std::left << std::setw(18) << member.name << std::right << std::setw(10)
        << member.size << " bytes\n";
    members.push_back(member.name);
  }
  out << "config.json: " << archive.read("config.json", 1 << 20).substr(0, 150) << "...\n";
  const std::string weights = chapter.out_dir() + "/fashion_mlp.weights.h5";
  nn::save_weights(*model, weights);  // the same file as the archive's model.weights.h5
  out << "\nmodel.weights.h5 (also saved alone as fashion_mlp.weights.h5):\n";
  nlohmann::json paths = nlohmann::json::array();
  for (const nn::h5::Entry& entry : nn::h5::list_contents(weights)) {
    if (entry.is_group) continue;
    out << "  " << std::left << std::setw(28) << entry.path << std::right << entry.type << "\n";
    if (entry.path.rfind("/layers", 0) == 0) paths.push_back(entry.path);
  }
  out << "difference between the predictions of the .h5 and the .keras model: " << difference
      << "\nAdam's steps after loading: " << model->optimizer().iterations()
      << " (.h5: " << legacy->optimizer().iterations() << ")\n";
  chapter.result("keras_members", members);
  chapter.result("keras_weight_paths", paths);
  chapter.result("keras_reload_max_abs_difference", difference);
  chapter.result("keras_optimizer_state_kept",
                 model->optimizer().iterations() == legacy->optimizer().iterations());
  write_predictions(keras, {twenty}, model->predict(twenty));

  // The naming rule on our own functional model: layer names against weight groups.
  std::unique_ptr<nn::Model> wide = nn::load_model(chapter.out_dir() + "/wide_and_deep.h5");
  const std::string wide_keras = chapter.out_dir() + "/wide_and_deep.keras";
  nn::save_model(*wide, wide_keras);
  const std::vector<std::string> groups = nn::keras3_layer_paths(*wide);
  out << "\nwide_and_deep.keras: each layer's name, and the group of its weights\n";
  nlohmann::json rule = nlohmann::json::object();
  for (std::size_t i = 0; i < groups.size(); ++i) {
    out << "  " << std::left << std::setw(14) << wide->layers()[i]->name() << std::setw(20)
        << wide->layers()[i]->class_name() << groups[i] << std::right << "\n";
    rule[wide->layers()[i]->name()] = groups[i];
  }
  chapter.result("keras_naming", rule);
  const nn::Arrays x_test = {columns(cars.x_test, 0, 5), columns(cars.x_test, 2, 9)};
  write_predictions(wide_keras, {x_test[0], x_test[1]},
                    nn::load_model(wide_keras)->predict(x_test));
}
// book:show

/// \output{keras}
///
/// Three members. `metadata.json` says which Keras wrote the file. `config.json` is the
/// architecture and the compile settings in one JSON object, in Keras 3's schema: every
/// object carries the Python `module` it comes from and its `class_name`, the model its
/// `build_config` (the shape it was built for) and `compile_config` (loss, metrics and the
/// optimizer), and the first layer is an `InputLayer` with its `batch_shape`.
/// `model.weights.h5` is an HDF5 file again, but laid out anew: no names of weights, only
/// numbers. A layer's variables are `vars/0`, `vars/1`, … in the layer's own order (for
/// Dense, the kernel and then the bias), Adam's step count, learning rate and moments are
/// `optimizer/vars/0`, `1`, …, and nothing in the file says which is which: the order is the
/// contract. The predictions of the model loaded from the archive differ from the legacy
/// file's by \result{keras_reload_max_abs_difference}, and Adam's state came along
/// (\result{keras_optimizer_state_kept}).
///
/// The group of a layer's variables is named after its *class*, not its name: the
/// snake-case class name (`dense`, `leaky_re_lu`, `batch_normalization`), with `_1`, `_2`, …
/// for the second, third, … layer of that class in the model's order. The output layer of
/// the Wide & Deep model is called `mpg`, and its weights sit under `layers/dense_2`. This
/// is the rule to know when you read a Keras 3 file by hand: a model that a notebook built
/// after others, whose layers Keras named `dense_6`, `dense_7` and `dense_8`, still files
/// them under `dense`, `dense_1` and `dense_2`. The file `churn_404error.keras` below, saved
/// by Keras 3.10, is such a model.
///
/// Since the rules are Keras's, nothing of this library is needed to read the archive:
/// `tools/check_keras_archive.py` opens each `.keras` file of this chapter with Python's
/// zipfile, h5py and numpy only, follows the rules above to find each layer's weights,
/// runs the forward pass, and compares with the predictions the C++ model wrote beside
/// the file (`fashion_mlp.keras.predictions.json`); `./book test` runs it.
///
/// ## Files saved by Keras 3
///
/// Real files, saved by Keras 3 itself and published in public repositories, are in
/// `../shared/fixtures/keras3/` beside the book's folder when you have it: three archives and
/// one Keras 3 `.h5`, each with inputs and the outputs numpy computed from its weights.
/// The chapter loads each and compares:
// book:hide
// The folder of Keras 3 fixtures: $NN_KERAS3_FIXTURES, or ../shared/fixtures/keras3 beside
// the workspace (bazel run) or the current folder.
std::string keras3_fixtures() {
  std::vector<std::string> candidates;
  if (const char* given = std::getenv("NN_KERAS3_FIXTURES")) candidates.push_back(given);
  if (const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY")) {
    candidates.push_back(std::string(workspace) + "/../shared/fixtures/keras3");
  }
  candidates.push_back("../shared/fixtures/keras3");
  for (const std::string& folder : candidates) {
    if (fs::is_directory(folder)) return folder;
  }
  return "";
}

nn::Tensor tensor_of(const nlohmann::json& rows) {
  nn::Tensor t = nn::Tensor::from_shape({rows.size(), rows.at(0).size()});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    for (std::size_t j = 0; j < rows[i].size(); ++j) t(i, j) = rows[i][j].get<float>();
  }
  return t;
}

void show_keras3_files(nn::chapter::Context& chapter) {
  auto& out = chapter.section("keras3", "Files saved by Keras 3");
  const std::string folder = keras3_fixtures();
  int found = 0, mismatches = 0;
  if (folder.empty()) {
    out << "../shared/fixtures/keras3 is not here (set NN_KERAS3_FIXTURES to its path): the "
           "files saved by Keras 3 were not loaded\n";
  }
  std::vector<fs::path> files;
  if (!folder.empty()) {
    for (const auto& entry : fs::directory_iterator(folder)) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    if (file.extension() != ".keras" && file.extension() != ".h5") continue;
    const fs::path expected_path = file.parent_path() / (file.stem().string() + ".expected.json");
    const nlohmann::json expected = nlohmann::json::parse(read_bytes(expected_path.string()));
    std::unique_ptr<nn::Model> model = nn::load_model(file.string());
    const nn::Tensor want = tensor_of(expected.at("expected_output"));
    const nn::Tensor got = model->predict(tensor_of(expected.at("input")));
    const double scale = std::max(1e-6, static_cast<double>(xt::amax(xt::abs(want))()));
    const double relative = max_abs_difference(got, want) / scale;
    ++found;
    mismatches += !(relative < 1e-4);
    out << std::left << std::setw(30) << file.filename().string() << std::right << " Keras "
        << std::setw(6) << expected.value("keras_version", std::string("?")) << "  "
        << model->layers().size() << " layers, relative error " << std::setprecision(1)
        << std::scientific << relative << std::fixed << "\n";
  }
  const fs::path churn = fs::path(folder) / "churn_404error.keras";
  if (!folder.empty() && fs::exists(churn)) {
    std::unique_ptr<nn::Model> model = nn::load_model(churn.string());
    const std::string weights = chapter.out_dir() + "/churn_404error.weights.h5";
    nn::write_file_atomically(weights,
                              nn::zip::Reader(churn.string()).read("model.weights.h5", 1 << 30));
    out << "\nchurn_404error.keras: the layers' names, and the groups in its model.weights.h5\n";
    std::vector<std::string> groups;
    for (const nn::h5::Entry& entry : nn::h5::list_contents(weights)) {
      const auto parts = std::count(entry.path.begin(), entry.path.end(), '/');
      if (entry.is_group && entry.path.rfind("/layers/", 0) == 0 && parts == 2) {
        groups.push_back(entry.path);
      }
    }
    for (std::size_t i = 0; i < model->layers().size(); ++i) {
      out << "  " << std::left << std::setw(10) << model->layers()[i]->name() << std::right
          << (i < groups.size() ? groups[i] : "?") << "\n";
    }
  }
  chapter.result("keras3_fixtures_found", found);
  chapter.result("keras3_fixtures_mismatches", mismatches);
}
// book:show

/// \output{keras3}
///
/// Each file predicts what numpy computed from its own weights, to a relative error below
/// 1e-4 (\result{keras3_fixtures_mismatches} files differ more; \result{keras3_fixtures_found}
/// files were found). The listing of `churn_404error.keras` shows the naming rule at work:
/// the names in the config and the groups in the weights file disagree, and only the class
/// and the order connect them. Its `.h5` twin, saved by the same Keras 3.10, uses Keras 3's
/// HDF5 layout, which differs from Keras 2's in small ways this library reads too: the
/// InputLayer gives `batch_shape` instead of `batch_input_shape`, and the datasets are
/// called `kernel` instead of `kernel:0`.
///
/// ## Subclassed models: weights only
///
/// A subclassed model has no such description. Its architecture is the body of its
/// `call()`, C++ code that was compiled into the program:
class WideAndDeepModel : public nn::Model {
 public:
  explicit WideAndDeepModel(int units = 30) : nn::Model("wide_and_deep_subclass"), units_(units) {}

  // inputs: wide (batch, 5), deep (batch, 7), both standardised -> (batch, 1)
  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    nn::Var hidden = hidden1_(inputs.at(1), training);
    for (int i = 0; i < 2; ++i) hidden = hidden2_(hidden, training);  // one layer, twice
    return {output_(nn::concat({inputs.at(0), hidden}), training)};
  }

 private:
  int units_;
  nn::Dense hidden1_ = track(nn::Dense(units_, "relu"));
  nn::Dense hidden2_ = track(nn::Dense(units_, "relu"));
  nn::Dense output_ = track(nn::Dense(1));
};

/// Its second hidden layer is applied twice, in a loop; the loop could as well depend on
/// the data, and no list of layers with their inbound nodes can say what arbitrary code
/// does. A file could only hold this model by holding its code, and an HDF5 model file
/// holds data. So `nn::save_model` refuses a subclassed model, with a message that says
/// what to do instead: save its weights. `nn::save_weights` works for every model, since
/// every model has layers with weights. To load them, the program makes a new instance of
/// the class, builds it (runs it once, so that its layers know their input widths and
/// create their weights), and calls `nn::load_weights`:
// book:hide
void show_subclass(nn::chapter::Context& chapter, const Cars& cars, int epochs) {
  auto& out = chapter.section("subclass", "A subclassed model: its weights, and only them");
  nn::StandardScaler wide_scaler, deep_scaler;
  const nn::Tensor wide_train = wide_scaler.fit_transform(columns(cars.x_train, 0, 5));
  const nn::Tensor deep_train = deep_scaler.fit_transform(columns(cars.x_train, 2, 9));
  const nn::Tensor wide_test = wide_scaler.transform(columns(cars.x_test, 0, 5));
  const nn::Tensor deep_test = deep_scaler.transform(columns(cars.x_test, 2, 9));
  nn::set_random_seed(chapter.seed());
  WideAndDeepModel model;
  model.compile("mse", nn::Adam(3e-3));
  model.fit({wide_train, deep_train}, cars.y_train,
            {.epochs = epochs, .seed = chapter.seed(), .verbose = 0});
  const std::string path = chapter.out_dir() + "/wide_and_deep_subclass.weights.h5";
  try {
    nn::save_model(model, chapter.out_dir() + "/wide_and_deep_subclass.h5");
    out << "save_model: no error (this should not happen)\n";
  } catch (const nn::Error& e) {
    out << "save_model(subclassed model):\n  " << nn::chapter::wrapped(e.what(), 2) << "\n";
  }
  const nn::Arrays x_test = {wide_test, deep_test};
  const nn::Tensor trained = model.predict(x_test);
  nn::set_random_seed(chapter.seed() + 1);  // other initial weights, to be replaced
  // book:show
  nn::save_weights(model, path);
  WideAndDeepModel copy;
  copy.build({5, 7});  // weights exist once the layers have seen their input widths
  nn::load_weights(copy, path);
  // book:hide
  const double difference = max_abs_difference(copy.predict(x_test), trained);
  out << "save_weights, a new instance, build({5, 7}), load_weights: largest difference "
      << "between the predictions " << difference << "\n";
  chapter.result("weights_reload_max_abs_difference", difference);
  WideAndDeepModel narrower(20);
  narrower.build({5, 7});
  try {
    nn::load_weights(narrower, path);
    out << "load_weights into a narrower model: no error (this should not happen)\n";
    chapter.result("mismatch_refused", false);
  } catch (const nn::Error& e) {
    out << "load_weights into WideAndDeepModel(20):\n  " << nn::chapter::wrapped(e.what(), 2)
        << "\n";
    chapter.result("mismatch_refused", true);
  }
}
// book:show

/// \output{subclass}
///
/// The new instance predicts exactly what the trained one did (largest difference
/// \result{weights_reload_max_abs_difference}). The weights file records no architecture
/// to compare with, only the shapes of the arrays, and those are enough to catch a file
/// that belongs to another model: with 20 units instead of 30, the first kernel that does
/// not fit is named with both shapes, and the model is left untouched rather than half
/// loaded. The weights are matched to the layers in order, the first layer with weights
/// in the model taking the first in the file, as Keras does; `{.by_name = true}` matches
/// them by layer name instead, which lets a model take the weights of the layers it
/// shares with another.
///
/// ## Checkpoints, and resuming after a crash
///
/// A long training should not depend on the program running to its end. The
/// `ModelCheckpoint` callback saves the model at the end of every epoch; the file name may
/// hold the epoch number, formatted as Python formats it (`{epoch:02d}` gives `03`), and
/// any number of the logs (`{val_loss:.4f}`). With `save_best_only` it writes only when
/// the monitored number improves on the best so far, so that one file always holds the
/// best model seen. Here the Fashion-MNIST classifier trains for \result{checkpoints.epochs}
/// epochs with both:
// book:hide
struct Resume {
  nn::History uninterrupted, resumed, without_state;
};

// The training with checkpoints: the model, its history, where the files are, how it ran.
struct Checkpointed {
  nn::Sequential model;
  nn::History history;
  std::string folder;
  nn::FitOptions options;
};

Checkpointed show_checkpoints(nn::chapter::Context& chapter, const nn::FashionMnist& data,
                              int epochs) {
  auto& out = chapter.section("checkpoints", "Checkpoints every epoch, and of the best");
  const std::string folder = chapter.out_dir() + "/checkpoints";
  fs::remove_all(folder);
  fs::create_directories(folder);
  nn::set_random_seed(chapter.seed());
  nn::Sequential model = fashion_classifier();
  // book:show
  const nn::FitOptions options{.epochs = epochs,
                               .validation_data = {{data.x_validation, data.y_validation}},
                               .seed = chapter.seed(),
                               .verbose = 0};
  auto every_epoch = std::make_shared<nn::ModelCheckpoint>(folder + "/ckpt-{epoch:02d}.h5");
  auto best = std::make_shared<nn::ModelCheckpoint>(
      folder + "/best.h5", nn::ModelCheckpointOptions{.save_best_only = true});
  nn::FitOptions with_checkpoints = options;
  with_checkpoints.callbacks = {every_epoch, best};
  nn::History history = model.fit(data.x_train, data.y_train, with_checkpoints);
  // book:hide
  out << std::fixed << std::setprecision(4);
  out << "epoch   val_loss   val_accuracy   files written\n";
  std::size_t best_index = 0;
  for (std::size_t e = 0; e < history.epoch.size(); ++e) {
    const double val_loss = history.history.at("val_loss")[e];
    const bool improved = e == 0 || val_loss < history.history.at("val_loss")[best_index];
    if (improved) best_index = e;
    out << std::setw(5) << e + 1 << std::setw(11) << val_loss << std::setw(15)
        << history.history.at("val_accuracy")[e] << "   "
        << fs::path(every_epoch->saved()[e]).filename().string() << (improved ? ", best.h5" : "")
        << "\n";
  }
  out << "best.h5 was written " << best->saved().size() << " times; it holds epoch "
      << best_index + 1 << " (val_loss " << best->best() << ")\n";
  chapter.result(
      "checkpoints",
      {{"epochs", epochs}, {"best_epoch", best_index + 1}, {"best_writes", best->saved().size()}});
  return {std::move(model), history, folder, options};
}
// book:show

/// \output{checkpoints}
///
/// Every epoch left its file, and `best.h5` was rewritten
/// \result{checkpoints.best_writes} times; it holds the model of epoch
/// \result{checkpoints.best_epoch}, the one with the lowest validation loss, whatever the
/// epochs after it did.
///
/// Now suppose the machine went down after epoch \result{resume.crash_after}. The last
/// checkpoint, `\result{resume.checkpoint}`, holds everything that epoch left behind. A new
/// program loads it and calls `fit()` again, with `initial_epoch` set to the epochs already
/// done and the same seed:
// book:hide
Resume show_resume(nn::chapter::Context& chapter, const nn::FashionMnist& data, Checkpointed& run,
                   int crash_after) {
  auto& out = chapter.section("resume", "Resuming after a crash");
  nn::Sequential& model = run.model;
  const nn::History& history = run.history;
  const std::string& folder = run.folder;
  const int epochs = run.options.epochs;
  Resume runs;
  runs.uninterrupted = history;
  out << std::fixed << std::setprecision(4);
  char name[32];
  std::snprintf(name, sizeof name, "/ckpt-%02d.h5", crash_after);
  const std::string checkpoint = folder + name;
  // book:show
  nn::FitOptions rest = run.options;  // the same epochs, seed and validation data
  rest.initial_epoch = crash_after;   // the epochs already done
  std::unique_ptr<nn::Model> resumed = nn::load_model(checkpoint);  // the last one saved
  nn::History resumed_history = resumed->fit(data.x_train, data.y_train, rest);
  // book:hide
  runs.resumed = resumed_history;
  const double weight_difference = max_abs_difference(resumed->get_weights(), model.get_weights());
  // The same, from a file without the optimizer's state.
  nn::save_model(*nn::load_model(checkpoint), folder + "/no_optimizer_state.h5", false);
  std::unique_ptr<nn::Model> forgetful = nn::load_model(folder + "/no_optimizer_state.h5");
  runs.without_state = forgetful->fit(data.x_train, data.y_train, rest);
  const double forgetful_difference =
      max_abs_difference(forgetful->get_weights(), model.get_weights());
  out << "resumed from " << fs::path(checkpoint).filename().string() << " (epoch " << crash_after
      << ", Adam at step " << nn::load_model(checkpoint)->optimizer().iterations()
      << "), trained on to epoch " << epochs << ":\n";
  out << "  largest difference from the uninterrupted run's weights: " << std::setprecision(1)
      << weight_difference << "\n";
  out << "  without the optimizer's state (save_model(..., false)): " << std::setprecision(4)
      << forgetful_difference << "\n";
  out << "  final val_loss: uninterrupted " << history.history.at("val_loss").back() << ", resumed "
      << resumed_history.history.at("val_loss").back() << ", resumed without Adam's state "
      << runs.without_state.history.at("val_loss").back() << "\n";
  chapter.result("resume", {{"epochs", epochs},
                            {"crash_after", crash_after},
                            {"checkpoint", fs::path(checkpoint).filename().string()}});
  chapter.result("resumed_max_weight_difference", weight_difference);
  chapter.result("resumed_training_matches", weight_difference == 0.0);
  chapter.result("resumed_without_optimizer_difference", forgetful_difference);
  chapter.result("final_val_loss",
                 {{"uninterrupted", history.history.at("val_loss").back()},
                  {"resumed", resumed_history.history.at("val_loss").back()},
                  {"without_state", runs.without_state.history.at("val_loss").back()}});
  return runs;
}

void plot_resume(nn::chapter::Context& chapter, const Resume& runs, int crash_after) {
  const auto epochs = [](const nn::History& h) {
    std::vector<double> e;
    for (int epoch : h.epoch) e.push_back(epoch + 1);
    return e;
  };
  nn::plot::Figure figure(700, 420);
  auto& ax = figure.axes();
  ax.plot(epochs(runs.uninterrupted), runs.uninterrupted.history.at("val_loss"),
          {"uninterrupted", "#4c72b0"});
  ax.scatter(epochs(runs.resumed), runs.resumed.history.at("val_loss"),
             {"resumed from the checkpoint", "#dd8452", 7});
  ax.plot(epochs(runs.without_state), runs.without_state.history.at("val_loss"),
          {"resumed without Adam's state", "#55a868", true});
  ax.axvline(crash_after, {"the crash", "#888888", true, 1});
  std::vector<double> ticks = epochs(runs.uninterrupted);
  std::vector<std::string> tick_labels;
  for (double t : ticks) tick_labels.push_back(std::to_string(static_cast<int>(t)));
  ax.xticks(ticks, tick_labels);
  ax.xlabel("epoch");
  ax.ylabel("validation loss");
  ax.legend("upper right");
  figure.save(chapter.figure("resume.svg"));
}
// book:show

/// \output{resume}
///
/// The resumed training ends with the very same weights as the one that was never
/// interrupted: the largest difference is \result{resumed_max_weight_difference}, and the
/// two learning curves are one.
///
/// \figure{resume.svg}{Validation loss per epoch: the uninterrupted training (line), the
/// training resumed from the checkpoint after the crash (dots, on the line), and one resumed
/// from a file without Adam's state (dashed)}
///
/// For a resumed training to be the same training, three things must come back. The
/// weights, of course. The optimizer's state: Adam's \f$m\f$ and \f$v\f$ for every weight
/// and its step count \f$t\f$. A file saved without them restarts Adam from zero: its
/// first steps are then as large as at the very beginning of training, and from there on
/// it is another training, whose weights end up to
/// \result{resumed_without_optimizer_difference|.3f} away from the uninterrupted run's and
/// whose final validation loss is \result{final_val_loss.without_state|.4f} instead of
/// \result{final_val_loss.uninterrupted|.4f}. Not necessarily worse, but not the training
/// that was interrupted. And the order in which the examples are visited: `fit()` shuffles
/// the training set every epoch from its seed, and with `initial_epoch` it skips the
/// shuffles of the epochs already done, so each epoch of the resumed run sees the batches
/// that the same epoch of the uninterrupted run saw. One kind of state is not in any model file,
/// ours or Keras's: the random generator of a `Dropout` layer, whose masks would differ after a
/// restart. The model here has no dropout; one that has will resume to a training as good, but not
/// to the identical one.
///
/// ## Saving safely
///
/// A program can die in the middle of a save, or the disk can fill up. If the save wrote
/// into the existing file, that file would now be half old, half new, and useless: the
/// last good checkpoint destroyed by the attempt to write the next one. So every save
/// here writes a new, temporary file in the same folder, flushes it to the disk, and only
/// then renames it over the old one. POSIX makes a rename within one file system atomic:
/// whoever opens the path afterwards sees either the old file or the new one, never a mix.
/// If anything fails before the rename, the temporary file is deleted and the old file was
/// never touched. In the library this is one function, which every writer of files goes
/// through (models, checkpoints, figures, results):
///
/// ```
/// nn::replace_file_atomically(path, [&](const std::string& temporary) {
///   ... create and write the file `temporary` ...
/// });
/// ```
///
/// A model file is first built whole in memory, with HDF5 writing into a buffer, and then
/// handed to it in one piece, so that HDF5 itself never meets a failing disk.
///
/// \underthehood{A full disk, simulated}
///
/// To watch it work, we make the disk "fill up": a resource limit lets no file of this
/// program grow past 1 MiB, so writes beyond it fail as on a full disk. Then the program
/// tries to save an untrained model over the trained `fashion_mlp.h5`:
// book:hide
// While alive, no file of this process may grow past `bytes`: writes beyond fail (EFBIG),
// as they would on a full disk.
class FullDisk {
 public:
  explicit FullDisk(rlim_t bytes) : handler_(signal(SIGXFSZ, SIG_IGN)) {
    getrlimit(RLIMIT_FSIZE, &saved_);
    rlimit limit = saved_;
    limit.rlim_cur = std::min<rlim_t>(bytes, saved_.rlim_max);
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FullDisk() {
    setrlimit(RLIMIT_FSIZE, &saved_);
    signal(SIGXFSZ, handler_);
  }

 private:
  rlimit saved_{};
  sighandler_t handler_;
};

void show_safety(nn::chapter::Context& chapter, const nn::FashionMnist& data,
                 const Trained& trained) {
  const std::string& path = trained.path;
  auto& out = chapter.section("safety", "A save that fails, and files that are damaged");
  const std::string before = read_bytes(path);
  std::unique_ptr<nn::Model> untrained =
      nn::model_from_json(nn::model_to_json(*nn::load_model(path)));
  untrained->build({784});
  bool failed = false;
  try {
    // book:show
    FullDisk full_disk(1 << 20);       // no file may grow past 1 MiB; this one needs more
    nn::save_model(*untrained, path);  // over the trained model
    // book:hide
  } catch (const nn::Error& e) {
    out << "save_model on a full disk:\n  " << nn::chapter::wrapped(e.what(), 2) << "\n";
    failed = true;
  }
  const bool intact = read_bytes(path) == before;
  std::vector<std::string> leftovers;
  for (const auto& entry : fs::directory_iterator(chapter.out_dir())) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
      leftovers.push_back(entry.path().filename().string());
    }
  }
  out << "fashion_mlp.h5 afterwards: " << (intact ? "unchanged, byte for byte" : "CHANGED")
      << "; temporary files left: " << leftovers.size() << "\n";
  const nn::Tensor x = first_rows(data.x_test, 100);
  out << "it still loads, and predicts as the trained model did: largest difference "
      << max_abs_difference(nn::load_model(path)->predict(x), trained.predictions) << "\n\n";
  chapter.result("interrupted_save_failed", failed);
  chapter.result("interrupted_save_left_previous_intact", intact && leftovers.empty());

  const std::string truncated = chapter.out_dir() + "/truncated.h5";
  nn::write_file_atomically(truncated, before.substr(0, before.size() / 2));
  const std::string notes = chapter.out_dir() + "/notes.h5";
  nn::write_file_atomically(notes, "A model? No, a shopping list: milk, eggs, bread.\n");
  int refused = 0;
  for (const std::string& bad : {truncated, notes}) {
    try {
      nn::load_model(bad);
      out << "load_model(" << bad << "): no error (this should not happen)\n";
    } catch (const nn::Error& e) {
      out << "load_model on " << fs::path(bad).filename().string() << ":\n  "
          << nn::chapter::wrapped(e.what(), 2) << "\n";
      ++refused;
    }
  }
  chapter.result("damaged_files_refused", refused);
  fs::remove(truncated);
  fs::remove(notes);
}
// book:show

/// \output{safety}
///
/// The save failed with an error that names the file and the reason, and the trained
/// model is still there, byte for byte, with no temporary file left behind. Loading is
/// careful in the other direction. A file that is cut short (here, the first half of the
/// model file), or that is not an HDF5 file at all, gives an error that says so, never a
/// crash and never a half-loaded model: `load_model` checks every array's shape against
/// the architecture before it changes any weight. HDF5's own reader is less careful than
/// one would like: a few damaged bytes in the wrong place can make it crash or loop
/// forever. So before a file is opened for real, a child process reads all of it; if the
/// child dies or hangs, the file is reported as damaged and the program goes on.
///
/// \endunderthehood
///
/// ## Reading what Keras wrote
///
/// Because the layout is Keras's, the reader also takes files that Keras itself saved, as
/// long as their layers are ones this library has (Dense, Activation, Dropout, Flatten,
/// InputLayer, Concatenate, Normalization, ReLU, LeakyReLU, Softmax, BatchNormalization); any
/// other is refused by name, with the list of those it knows. Keras's files
/// changed over the years, and the reader knows the variants: a Sequential config that is
/// a plain list of layers (Keras 2.1) or an object with `name`, `layers` and
/// `build_input_shape` (later versions); `batch_input_shape` on the first layer, and
/// sometimes on every layer; the class name `Model` (before 2.4) or `Functional`; `lr` for
/// the learning rate; weights files with the layers' groups at the root. The library's
/// tests load four files saved by Keras 2.0 to 2.3 and the four Keras 3 files above, by
/// other people, for other projects, and get Keras's predictions back. Keras 2.15 on
/// Windows even wrote archives whose groups are spelt with a backslash; they load too.
///
/// ## What to save, and when
///
/// | to... | call | the file holds |
/// |---|---|---|
/// | use a model elsewhere, train it further | `nn::save_model` | all: config, weights, state |
/// | keep a subclassed model | `nn::save_weights` | the weights |
/// | ship the architecture apart | `nn::model_to_json` | the config, as JSON text |
/// | survive a crash, keep the best | `nn::ModelCheckpoint` | a model or weights per epoch |
///
/// Whichever it is, the save is atomic and the load is checked. A name ending in `.keras`
/// gives today's archive, `.h5` the legacy HDF5 file; both are in Keras's layout, which
/// zipfile, h5py, numpy and Keras can read without this library.
// book:hide
}  // namespace

int main(int argc, char** argv) {
  const nn::chapter::Spec spec{
      "07_saving",
      "Chapter 7: saving and restoring models (HDF5 files, weights, checkpoints)",
      {{"data-dir", nn::kFashionMnistDir, "the folder with Fashion-MNIST's *-ubyte.gz files"}}};
  return nn::chapter::run(argc, argv, spec, [](nn::chapter::Context& chapter) {
    const nn::FashionMnist data = load_data(chapter);
    const int epochs = chapter.pick(10, 3);
    chapter.result("epochs", epochs);
    chapter.result("train_images", data.x_train.shape(0));
    chapter.result("test_images", data.x_test.shape(0));
    const Trained trained = show_train_save_load(chapter, data, epochs);
    show_layout(chapter, trained.path);
    show_json(chapter, data, trained.path);
    const Cars cars = nn::split_auto_mpg(nn::load_auto_mpg("data/auto_mpg.csv"), chapter.seed());
    show_functional(chapter, cars, chapter.pick(100, 30));
    show_keras_archive(chapter, data, cars);
    show_keras3_files(chapter);
    show_subclass(chapter, cars, chapter.pick(100, 30));
    const int checkpoint_epochs = chapter.pick(8, 4);
    const int crash_after = checkpoint_epochs / 2;
    Checkpointed run = show_checkpoints(chapter, data, checkpoint_epochs);
    const Resume runs = show_resume(chapter, data, run, crash_after);
    plot_resume(chapter, runs, crash_after);
    show_safety(chapter, data, trained);
  });
}
// book:show
