#include "lib/layers/layer.h"

#include <cctype>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

thread_local bool training_phase = false;
thread_local bool probing = false;

}  // namespace

bool learning_phase() { return training_phase; }

LearningPhaseScope::LearningPhaseScope(bool training) : previous_(training_phase) {
  training_phase = training;
}

LearningPhaseScope::~LearningPhaseScope() { training_phase = previous_; }

bool building_model() { return probing; }

BuildingModelScope::BuildingModelScope() : previous_(probing) { probing = true; }

BuildingModelScope::~BuildingModelScope() { probing = previous_; }

std::string to_snake_case(const std::string& class_name) {
  std::string snake;
  const std::size_t n = class_name.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = class_name[i];
    const bool word_starts =
        i > 0 && std::isupper(c) &&
        (std::islower(static_cast<unsigned char>(class_name[i - 1])) ||
         (i + 1 < n && std::islower(static_cast<unsigned char>(class_name[i + 1]))));
    if (word_starts) snake += '_';
    snake += static_cast<char>(std::tolower(c));
  }
  return snake;
}

void Layer::build(const std::vector<std::size_t>& input_dims) {
  input_dims_ = input_dims;
  built_ = true;
}

std::size_t Layer::output_dim(const std::vector<std::size_t>& input_dims) const {
  return input_dims.at(0);
}

Var Layer::operator()(const std::vector<Var>& inputs, bool training) {
  if (inputs.empty()) throw Error("layer " + name() + " (" + class_name() + ") called on nothing");
  if (!built_) {
    std::vector<std::size_t> dims;
    for (const Var& x : inputs) dims.push_back(x.cols());
    build(dims);
    Layer::build(dims);  // in case an override forgot
  }
  return forward(inputs, training);
}

const Var& Layer::single_input(const std::vector<Var>& inputs) const {
  if (inputs.size() != 1) {
    throw Error("layer " + name() + " (" + class_name() + ") takes one input, got " +
                std::to_string(inputs.size()));
  }
  return inputs[0];
}

std::vector<Tensor> Layer::get_weights() {
  std::vector<Tensor> weights;
  for (const Parameter* p : parameters()) weights.push_back(p->value());
  return weights;
}

void Layer::set_weights(const std::vector<Tensor>& weights) {
  if (!built_) {
    throw Error("set_weights: layer " + name() +
                " is not built yet; call it on data, or build() it, first");
  }
  std::vector<Parameter*> params = parameters();
  if (weights.size() != params.size()) {
    throw ValueError("set_weights: layer " + name() + " has " + count_of(params.size(), "weight") +
                     ", got " + std::to_string(weights.size()));
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (weights[i].shape() != params[i]->value().shape()) {
      throw ShapeError("set_weights: layer " + name() + ", weight " + params[i]->name() +
                       ": expected " + shape_string(params[i]->value()) + ", got " +
                       shape_string(weights[i]));
    }
  }
  for (std::size_t i = 0; i < params.size(); ++i) params[i]->value() = weights[i];
}

std::size_t Layer::count_params() {
  std::size_t count = 0;
  for (const Parameter* p : parameters()) count += p->value().size();
  return count;
}

void Layer::set_trainable(bool trainable) {
  trainable_ = trainable;
  for (Parameter* p : parameters()) p->set_trainable(trainable);
}

nlohmann::json Layer::get_config() const {
  return {{"name", name()}, {"trainable", trainable_}, {"dtype", "float32"}};
}

}  // namespace nn
