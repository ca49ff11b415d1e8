// The library against reference values computed once with PyTorch (float32) by
// tools/make_torch_fixtures.py: activations, losses, small networks (output, loss, every
// gradient, one SGD step) and three steps of SGD with momentum, Nesterov and Adam.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "lib/nn.h"

namespace {

const nlohmann::json& fixture() {
  static const nlohmann::json data = [] {
    std::ifstream in("lib/testdata/torch_reference.json");
    if (!in) throw std::runtime_error("cannot open lib/testdata/torch_reference.json");
    return nlohmann::json::parse(in);
  }();
  return data;
}

// A matrix from a list of rows, or a one-row matrix from a list of numbers (a bias).
nn::Tensor tensor(const nlohmann::json& j) {
  if (!j.at(0).is_array()) {
    nn::Tensor t = nn::Tensor::from_shape({1, j.size()});
    for (std::size_t c = 0; c < j.size(); ++c) t(0, c) = j[c].get<float>();
    return t;
  }
  nn::Tensor t = nn::Tensor::from_shape({j.size(), j[0].size()});
  for (std::size_t r = 0; r < j.size(); ++r) {
    for (std::size_t c = 0; c < j[r].size(); ++c) t(r, c) = j[r][c].get<float>();
  }
  return t;
}

// Every entry within abs + rel·|expected|; on failure, shows the worst entry and the shapes.
void check_close(const std::string& what, const nn::Tensor& got, const nn::Tensor& expected,
                 double rel = 1e-4, double abs = 1e-6) {
  INFO(what << ": got " << nn::shape_string(got) << ", expected " << nn::shape_string(expected));
  REQUIRE(got.shape() == expected.shape());
  double worst = 0.0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const double excess =
        std::abs(got.data()[i] - expected.data()[i]) - (abs + rel * std::abs(expected.data()[i]));
    if (excess > worst) worst = excess, at = i;
  }
  const std::size_t cols = expected.shape()[1];
  INFO("worst entry (" << at / cols << ", " << at % cols << "): got " << got.data()[at]
                       << ", expected " << expected.data()[at]);
  CHECK(worst == 0.0);
}

std::shared_ptr<nn::Loss> make_loss(const std::string& name, const nlohmann::json& args,
                                    bool from_logits) {
  if (name == "huber") return std::make_shared<nn::Huber>(args.value("delta", 1.0));
  if (name == "binary_crossentropy") return std::make_shared<nn::BinaryCrossentropy>(from_logits);
  if (name == "categorical_crossentropy") {
    return std::make_shared<nn::CategoricalCrossentropy>(from_logits);
  }
  if (name == "sparse_categorical_crossentropy") {
    return std::make_shared<nn::SparseCategoricalCrossentropy>(from_logits);
  }
  return nn::get_loss(name);
}

// The network of a case, with its initial weights.
nn::Sequential network(const nlohmann::json& net) {
  nn::Sequential model;
  std::vector<nn::Tensor> weights;
  for (const auto& layer : net["layers"]) {
    model.add(nn::Dense(layer["units"].get<int>(), layer["activation"].get<std::string>()));
    weights.push_back(tensor(layer["W"]));
    weights.push_back(tensor(layer["b"]));
  }
  model.build({tensor(net["x"]).shape()[1]});
  model.set_weights(weights);
  return model;
}

const nlohmann::json& network_named(const std::string& name) {
  for (const auto& net : fixture()["networks"]) {
    if (net["name"] == name) return net;
  }
  throw std::runtime_error("no network " + name);
}

}  // namespace

TEST_CASE("the fixture says where it came from") {
  const auto& provenance = fixture()["provenance"];
  CHECK(provenance["script"] == "tools/make_torch_fixtures.py");
  CHECK(provenance.contains("torch"));
  CHECK(provenance.contains("date"));
}

TEST_CASE("activations and their gradients match PyTorch") {
  for (const auto& c : fixture()["activations"]) {
    const std::string name = c["name"];
    SECTION(name) {
      nn::Var z(tensor(c["z"]), true);
      nn::Var y = nn::activation_by_name(name)(z);
      check_close(name + " y", y.value(), tensor(c["y"]));
      nn::weighted_sum(y, tensor(c["w"])).backward();
      check_close(name + " dz", z.grad(), tensor(c["dz"]));
    }
  }
}

TEST_CASE("losses and their gradients match PyTorch") {
  int index = 0;
  for (const auto& c : fixture()["losses"]) {
    const std::string name = c["loss"].get<std::string>() +
                             (c["from_logits"].get<bool>() ? " from logits" : "") + " #" +
                             std::to_string(index++);
    SECTION(name) {
      auto loss = make_loss(c["loss"], c, c["from_logits"]);
      const nn::Tensor t = tensor(c["y_true"]), p = tensor(c["y_pred"]);
      CHECK(loss->forward(t, p) == Approx(c["value"].get<double>()).epsilon(1e-5));
      nn::Tensor grad;
      loss->backward(t, p, grad);
      check_close(name + " gradient", grad, tensor(c["grad"]));
    }
  }
}

TEST_CASE("small networks: output, loss, every gradient, one SGD step") {
  for (const auto& net : fixture()["networks"]) {
    const std::string name = net["name"];
    SECTION(name) {
      nn::Sequential model = network(net);
      const nn::Tensor x = tensor(net["x"]), y = tensor(net["y"]);
      check_close(name + " output", model.predict(x), tensor(net["output"]));

      auto loss = make_loss(net["loss"], net["loss_args"], false);
      for (nn::Parameter* p : model.parameters()) p->zero_grad();
      nn::Var value = (*loss)(y, model(nn::Var(x)));
      CHECK(value.item() == Approx(net["loss_value"].get<double>()).epsilon(1e-5));
      value.backward();
      for (std::size_t i = 0; i < model.layers().size(); ++i) {
        auto& dense = dynamic_cast<nn::DenseLayer&>(*model.layers()[i]);
        check_close(name + " dW" + std::to_string(i), dense.kernel().grad(),
                    tensor(net["grads"][i]["W"]));
        check_close(name + " db" + std::to_string(i), dense.bias().grad(),
                    tensor(net["grads"][i]["b"]));
      }

      model.compile(nn::LossArg(*loss), nn::SGD(net["sgd"]["learning_rate"].get<double>()));
      nn::FitOptions options;
      options.batch_size = static_cast<int>(x.shape()[0]);
      options.shuffle = false;
      options.verbose = 0;
      nn::History history = model.fit(x, y, options);
      CHECK(history.history["loss"][0] == Approx(net["loss_value"].get<double>()).epsilon(1e-5));
      const std::vector<nn::Tensor> weights = model.get_weights();
      for (std::size_t i = 0; i < model.layers().size(); ++i) {
        check_close(name + " W after SGD", weights[2 * i], tensor(net["sgd"]["weights"][i]["W"]));
        check_close(name + " b after SGD", weights[2 * i + 1],
                    tensor(net["sgd"]["weights"][i]["b"]));
      }
    }
  }
}

TEST_CASE("three steps of momentum, Nesterov and Adam match PyTorch (converted)") {
  for (const auto& run : fixture()["optimizers"]) {
    const std::string name = run["name"];
    SECTION(name) {
      const nlohmann::json& net = network_named(run["network"]);
      nn::Sequential model = network(net);
      const nlohmann::json& config = run["config"];
      const double lr = config["learning_rate"];
      if (name == "adam") {
        model.compile(net["loss"].get<std::string>(),
                      nn::Adam(lr, config["beta_1"], config["beta_2"], config["epsilon"]));
      } else {
        model.compile(net["loss"].get<std::string>(),
                      nn::SGD(lr, config["momentum"], config["nesterov"]));
      }
      const nn::Tensor x = tensor(net["x"]), y = tensor(net["y"]);
      nn::FitOptions options;
      options.epochs = run["steps"];
      options.batch_size = static_cast<int>(x.shape()[0]);
      options.shuffle = false;
      options.verbose = 0;
      model.fit(x, y, options);
      const std::vector<nn::Tensor> weights = model.get_weights();
      for (std::size_t i = 0; i < weights.size() / 2; ++i) {
        check_close(name + " W", weights[2 * i], tensor(run["weights"][i]["W"]), 1e-4, 1e-5);
        check_close(name + " b", weights[2 * i + 1], tensor(run["weights"][i]["b"]), 1e-4, 1e-5);
      }
    }
  }
}
