#include "lib/io/training_config.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/regression.h"
#include "lib/models/functional.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/adamw.h"
#include "lib/optimizers/rmsprop.h"
#include "lib/optimizers/sgd.h"

namespace nn {
namespace {

using nlohmann::json;

json loss_entry(const Loss& loss) {
  // A loss with its default settings is written by name, as Keras writes compile("mse").
  const std::vector<std::string> names = loss_names();
  if (std::find(names.begin(), names.end(), loss.name()) != names.end() &&
      loss.get_config() == get_loss(loss.name())->get_config()) {
    return loss.name();
  }
  return {{"class_name", loss.class_name()}, {"config", loss.get_config()}};
}

// A value given once, as a list in output order, or as a dict keyed by output name.
std::vector<json> per_output(const json& value, const std::vector<std::string>& output_names,
                             const std::string& what) {
  if (value.is_array()) return {value.begin(), value.end()};
  if (!value.is_object() || value.contains("class_name")) return {value};
  std::vector<json> values;
  for (const std::string& output : output_names) {
    if (!value.contains(output)) {
      throw ValueError(what + " " + value.dump() + " gives nothing for output " + output);
    }
    values.push_back(value[output]);
  }
  return values;
}

// A metric's name: "accuracy", or a metric object's {"config": {"name": ...}} (Keras 2.2+).
std::string metric_name(const json& metric) {
  if (metric.is_string()) return metric.get<std::string>();
  const json settings = metric.value("config", json::object());
  const std::string name = settings.value("name", std::string());
  if (name.empty()) throw ValueError("metric " + metric.dump() + " has no name");
  return name;
}

}  // namespace

json optimizer_config(const Optimizer& optimizer) {
  return {{"class_name", optimizer.name()}, {"config", optimizer.get_config()}};
}

std::unique_ptr<Optimizer> optimizer_from_config(const json& config) {
  const std::string name = config.value("class_name", std::string());
  const json settings = config.value("config", json::object());
  const double learning_rate = settings.value("learning_rate", settings.value("lr", -1.0));
  const auto rate = [&](double fallback) {
    return learning_rate >= 0.0 ? learning_rate : fallback;
  };
  if (settings.value("decay", 0.0) != 0.0) {
    throw ValueError("optimizer " + name + ": decay " + settings["decay"].dump() +
                     " is not supported (use a LearningRateScheduler)");
  }
  // Keras 3's settings that would change the step; null (or false) means off.
  const bool adamw = name == "AdamW" || name == "adamw";  // weight_decay is its own setting
  for (const char* key : {"weight_decay", "clipnorm", "global_clipnorm", "clipvalue",
                          "loss_scale_factor", "gradient_accumulation_steps"}) {
    if (adamw && std::string(key) == "weight_decay") continue;
    if (settings.contains(key) && !settings[key].is_null()) {
      throw ValueError("optimizer " + name + ": " + key + " " + settings[key].dump() +
                       " is not supported");
    }
  }
  if (settings.value("use_ema", false))
    throw ValueError("optimizer " + name + ": use_ema is not supported");
  if (name == "Adam" || name == "adam") {
    if (settings.value("amsgrad", false))
      throw ValueError("optimizer Adam: amsgrad is not supported");
    const json epsilon = settings.value("epsilon", json(1e-7));  // Keras 2.1 may write null
    return std::make_unique<Adam>(rate(0.001), settings.value("beta_1", 0.9),
                                  settings.value("beta_2", 0.999),
                                  epsilon.is_number() ? epsilon.get<double>() : 1e-7);
  }
  if (adamw) {
    const json epsilon = settings.value("epsilon", json(1e-7));
    return std::make_unique<AdamW>(rate(0.001), settings.value("weight_decay", 0.004),
                                   settings.value("beta_1", 0.9), settings.value("beta_2", 0.999),
                                   epsilon.is_number() ? epsilon.get<double>() : 1e-7);
  }
  if (name == "RMSprop" || name == "rmsprop") {
    return std::make_unique<RMSprop>(
        rate(0.001), settings.value("rho", 0.9), settings.value("momentum", 0.0),
        settings.value("epsilon", 1e-7), settings.value("centered", false));
  }
  if (name == "SGD" || name == "sgd") {
    return std::make_unique<SGD>(rate(0.01), settings.value("momentum", 0.0),
                                 settings.value("nesterov", false));
  }
  throw ValueError("optimizer " + config.dump() +
                   " is not one this library has (Adam, AdamW, RMSprop, SGD)");
}

std::unique_ptr<Loss> loss_from_config(const json& config) {
  if (config.is_string()) return get_loss(config.get<std::string>());
  const std::string name = config.value("class_name", std::string());
  const json settings = config.value("config", json::object());
  if (settings.value("label_smoothing", 0.0) != 0.0) {
    throw ValueError("loss " + name + ": label_smoothing is not supported");
  }
  const bool from_logits = settings.value("from_logits", false);
  if (name == "MeanSquaredError") return std::make_unique<MeanSquaredError>();
  if (name == "MeanAbsoluteError") return std::make_unique<MeanAbsoluteError>();
  if (name == "Huber") return std::make_unique<Huber>(settings.value("delta", 1.0));
  if (name == "BinaryCrossentropy") return std::make_unique<BinaryCrossentropy>(from_logits);
  if (name == "CategoricalCrossentropy") {
    return std::make_unique<CategoricalCrossentropy>(from_logits);
  }
  if (name == "SparseCategoricalCrossentropy") {
    return std::make_unique<SparseCategoricalCrossentropy>(from_logits);
  }
  throw ValueError("loss " + config.dump() + " is not one this library has");
}

json training_config(const Model& model) {
  if (!model.compiled()) throw Error("model " + model.name() + " is not compiled");
  json losses = json::array();
  for (const auto& loss : model.compiled_losses()) losses.push_back(loss_entry(*loss));
  json metrics = json::array();
  for (const auto& metric : model.compiled_metrics()) metrics.push_back(metric->name());
  if (model.metrics_differ_per_output() && model.graph() != nullptr) {  // Keras's dict
    metrics = json::object();
    const std::vector<std::string> outputs = model.graph()->output_names();
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      json names = json::array();
      for (const auto& metric : model.compiled_metrics(i)) names.push_back(metric->name());
      metrics[outputs[i]] = names;
    }
  }
  const auto& weights = model.loss_weights();
  return {{"loss", losses.size() == 1 ? losses[0] : losses},
          {"metrics", metrics},
          {"weighted_metrics", nullptr},
          {"loss_weights", weights.empty() ? json(nullptr) : json(weights)},
          // optimizer() only reads, though it is not marked const
          {"optimizer_config", optimizer_config(const_cast<Model&>(model).optimizer())}};
}

void compile_from_training_config(Model& model, const json& config,
                                  const std::vector<std::string>& output_names) {
  try {
    std::vector<LossArg> losses;
    for (const json& loss : per_output(config.at("loss"), output_names, "loss")) {
      losses.emplace_back(*loss_from_config(loss));
    }
    // Metrics: names for every output (Keras 2.0-2.3), or a list or dict per output (TF 2).
    json metric_list = config.value("metrics", json::array());
    if (metric_list.is_null()) metric_list = json::array();
    const auto names_in = [](const json& list) {
      std::vector<MetricArg> metrics;
      for (const json& metric : list.is_array() ? list : json::array({list})) {
        metrics.emplace_back(metric_name(metric));
      }
      return metrics;
    };
    MetricList metrics;
    if (metric_list.is_object() || (!metric_list.empty() && metric_list[0].is_array())) {
      std::vector<std::pair<std::string, OutputMetrics>> by_output;
      for (std::size_t i = 0; i < output_names.size(); ++i) {
        const json per_output = metric_list.is_object()
                                    ? metric_list.value(output_names[i], json::array())
                                    : metric_list.at(i);
        by_output.emplace_back(output_names[i], OutputMetrics(names_in(per_output)));
      }
      metrics = MetricList(std::move(by_output));
    } else {
      metrics = MetricList(names_in(metric_list));
    }
    std::vector<double> loss_weights;
    const json weights = config.value("loss_weights", json(nullptr));
    if (!weights.is_null()) {
      for (const json& w : per_output(weights, output_names, "loss_weights")) {
        loss_weights.push_back(w.get<double>());
      }
    }
    // Keras 2 and Keras 3's .h5: optimizer_config; Keras 3's compile_config: optimizer.
    const auto optimizer =
        optimizer_from_config(config.contains("optimizer_config") ? config.at("optimizer_config")
                                                                  : config.at("optimizer"));
    model.compile(LossList(std::move(losses)), *optimizer, metrics, loss_weights);
  } catch (const json::exception& e) {
    throw ValueError(std::string("training_config: a setting has the wrong type or is missing: ") +
                     e.what());
  }
}

}  // namespace nn
