// Tests for exercise 5.2. Do not edit: `./book grade auxiliary_output` runs them against
// your auxiliary_output.cc. The models are read through their graph (which layer each
// layer is called on) and their kernels' shapes, never through layer names other than the
// two output names the statement asks for; the losses are re-computed by training your own
// aux_candidate() here, on the splits the statement describes.
#include "exercises/05_functional_subclass/auxiliary_output.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#include <xtensor/xbuilder.hpp>

#include "exercises/05_functional_subclass/dense_by_shape_test.h"
#include "lib/data/split.h"

using exercises::AttachmentChoice;
using exercises::aux_candidate;
using exercises::choose_attachment;
using exercises::WideDeepData;

using exercises::testing::affine;
using exercises::testing::check_main_and_aux;
using exercises::testing::dense_count;

namespace {

std::shared_ptr<nn::DenseLayer> as_dense(const std::shared_ptr<nn::Layer>& layer) {
  auto dense = std::dynamic_pointer_cast<nn::DenseLayer>(layer);
  INFO("expected a Dense layer, found " << (layer ? layer->class_name() : "nothing"));
  REQUIRE(dense != nullptr);
  return dense;
}

// The deep path, read off the graph: from the main output back through the concatenation
// (its second input) and down the chain of layers to the deep input. First layer first.
std::vector<std::shared_ptr<nn::DenseLayer>> deep_path(const nn::Functional& model) {
  const nn::SymbolicTensor main = model.outputs().at(0);
  REQUIRE(main.inputs().size() == 1);
  const nn::SymbolicTensor joined = main.inputs()[0];
  INFO("the main output must be called on the joined vector: " << joined.describe());
  REQUIRE(joined.inputs().size() == 2);
  CHECK(joined.inputs()[0].layer() == model.inputs()[0].layer());  // the wide input, first
  std::vector<std::shared_ptr<nn::DenseLayer>> path;
  nn::SymbolicTensor t = joined.inputs()[1];
  while (!t.is_input()) {
    path.insert(path.begin(), as_dense(t.layer()));
    REQUIRE(t.inputs().size() == 1);
    t = t.inputs()[0];
    REQUIRE(path.size() <= 10);
  }
  CHECK(t.layer() == model.inputs()[1].layer());  // the path starts at the deep input
  return path;
}

// Which hidden layer (1 for the first) the auxiliary head is called on; 0 if none.
int aux_attach_point(const nn::Functional& model) {
  REQUIRE(model.outputs().size() == 2);
  const nn::SymbolicTensor aux = model.outputs()[1];
  REQUIRE(aux.inputs().size() == 1);
  const auto path = deep_path(model);
  for (std::size_t k = 0; k < path.size(); ++k) {
    if (aux.inputs()[0].layer() == path[k]) return static_cast<int>(k) + 1;
  }
  return 0;
}

WideDeepData make_data(std::size_t n, std::uint64_t seed) {
  WideDeepData d{nn::Rng(seed).normal_tensor(n, 2), nn::Rng(seed + 1).normal_tensor(n, 3),
                 nn::Tensor::from_shape({n, 1})};
  nn::Rng noise(seed + 2);
  for (std::size_t i = 0; i < n; ++i) {
    const float w0 = d.x_wide(i, 0), w1 = d.x_wide(i, 1);
    const float a = d.x_deep(i, 0), b = d.x_deep(i, 1), c = d.x_deep(i, 2);
    d.y(i, 0) = 0.8f * w0 - 0.5f * w1 + std::sin(2.0f * a) * b + std::abs(c) - 0.6f * a * c +
                0.3f * noise.normal();
  }
  return d;
}

nn::FitOptions fit_options() {
  nn::FitOptions o;
  o.epochs = 6;
  o.batch_size = 16;
  o.verbose = 0;
  o.seed = 7;
  return o;
}

// What the statement asks for, here, with the reader's own builder.
double reproduced_loss(const WideDeepData& d, int units, int depth, int attach, double rate,
                       std::uint64_t seed) {
  const nn::SplitIndices rows = nn::train_test_indices(d.y.shape(0), 0.25, seed);
  const nn::Tensor y_train = nn::take_rows(d.y, rows.train),
                   y_valid = nn::take_rows(d.y, rows.test);
  nn::set_random_seed(seed);
  nn::Functional model =
      aux_candidate(d.x_wide.shape(1), d.x_deep.shape(1), units, depth, attach, rate);
  model.fit({nn::take_rows(d.x_wide, rows.train), nn::take_rows(d.x_deep, rows.train)},
            {y_train, y_train}, fit_options());
  return model
      .evaluate({nn::take_rows(d.x_wide, rows.test), nn::take_rows(d.x_deep, rows.test)},
                {y_valid, y_valid}, 32, 0)
      .at("main_output_loss");
}

// Re-computes every loss of `got`, its means and its choice.
void check_evidence(const AttachmentChoice& got, const WideDeepData& d, int units, int depth,
                    double rate, const std::vector<std::uint64_t>& seeds) {
  REQUIRE(got.losses.size() == static_cast<std::size_t>(depth));
  REQUIRE(got.means.size() == static_cast<std::size_t>(depth));
  std::vector<double> means;
  for (int attach = 1; attach <= depth; ++attach) {
    REQUIRE(got.losses[attach - 1].size() == seeds.size());
    double sum = 0.0;
    for (std::size_t k = 0; k < seeds.size(); ++k) {
      const double expected = reproduced_loss(d, units, depth, attach, rate, seeds[k]);
      INFO("aux head on hidden layer " << attach << ", split " << k << " (seed " << seeds[k]
                                       << "): the main output's validation loss");
      CHECK(got.losses[attach - 1][k] == Approx(expected).epsilon(1e-5));
      sum += expected;
    }
    means.push_back(sum / static_cast<double>(seeds.size()));
    INFO("aux head on hidden layer " << attach << ": the mean over the splits");
    CHECK(got.means[attach - 1] == Approx(means.back()).epsilon(1e-5));
  }
  int best = 1;
  for (int attach = 2; attach <= depth; ++attach) {
    if (means[attach - 1] < means[best - 1]) best = attach;
  }
  INFO("means " << Catch::Detail::stringify(means));
  CHECK(got.attach == best);
}

}  // namespace

TEST_CASE("each candidate hangs the auxiliary head on the hidden layer it is asked for") {
  for (int depth : {2, 3}) {
    for (int attach = 1; attach <= depth; ++attach) {
      INFO("depth " << depth << ", attach " << attach);
      nn::Functional model = aux_candidate(4, 3, 6, depth, attach, 0.01);
      REQUIRE(model.inputs().size() == 2);
      CHECK(model.inputs()[0].shape_string() == "(None, 4)");
      CHECK(model.inputs()[1].shape_string() == "(None, 3)");
      CHECK(model.output_names() == std::vector<std::string>{"main_output", "aux_output"});
      CHECK(dense_count(model) == static_cast<std::size_t>(depth) + 2);
      const auto path = deep_path(model);
      REQUIRE(path.size() == static_cast<std::size_t>(depth));
      for (std::size_t k = 0; k < path.size(); ++k) {
        CHECK(path[k]->activation() == "relu");
        CHECK(path[k]->kernel().value().shape(0) == (k == 0 ? 3u : 6u));
        CHECK(path[k]->kernel().value().shape(1) == 6u);
      }
      CHECK(aux_attach_point(model) == attach);
      // Parameters: the path, the main output (4 + 6 + 1) and the aux output (6 + 1).
      CHECK(model.count_params() == (3 * 6 + 6) + std::size_t(depth - 1) * (6 * 6 + 6) + 11 + 7);
    }
  }
  CHECK_THROWS_AS(aux_candidate(4, 3, 6, 2, 0, 0.01), std::invalid_argument);
  CHECK_THROWS_AS(aux_candidate(4, 3, 6, 2, 3, 0.01), std::invalid_argument);
}

TEST_CASE("both outputs are the formulas, computed by hand from the graph's layers") {
  for (int attach : {1, 2}) {
    INFO("attach " << attach);
    nn::set_random_seed(8);
    nn::Functional model = aux_candidate(3, 4, 5, 2, attach, 0.01);
    const nn::Tensor x_wide = nn::Rng(1).normal_tensor(12, 3),
                     x_deep = nn::Rng(2).normal_tensor(12, 4);
    const std::vector<nn::Tensor> got = model.predict_outputs({x_wide, x_deep});
    const auto path = deep_path(model);
    REQUIRE(path.size() == 2);
    const nn::Tensor h1 = affine(x_deep, *path[0], true), h2 = affine(h1, *path[1], true);
    const nn::Tensor both = xt::concatenate(xt::xtuple(x_wide, h2), 1);  // (12, 8)
    const nn::Tensor main = affine(both, *as_dense(model.outputs()[0].layer()), false);
    const nn::Tensor aux =
        affine(attach == 1 ? h1 : h2, *as_dense(model.outputs()[1].layer()), false);
    check_main_and_aux(got, main, aux);
  }
}

TEST_CASE("the candidates are compiled: MSE twice, Adam, loss weights 0.9 and 0.1") {
  nn::Functional model = aux_candidate(3, 4, 8, 2, 1, 0.02);
  REQUIRE(model.compiled());
  CHECK(model.loss_weights() == std::vector<double>{0.9, 0.1});
  CHECK(model.optimizer().name() == "Adam");
  CHECK(model.optimizer().learning_rate() == Approx(0.02));
  REQUIRE(model.compiled_losses().size() == 2);
  for (const auto& loss : model.compiled_losses()) CHECK(loss->name() == "mean_squared_error");
}

TEST_CASE("the choice and the per-split evidence, re-trained here from your own candidates") {
  const WideDeepData data = make_data(160, 21);
  const std::vector<std::uint64_t> seeds = {3, 4, 5};
  const AttachmentChoice got = choose_attachment(data, 8, 2, 0.01, seeds, fit_options());
  check_evidence(got, data, 8, 2, 0.01, seeds);
}

// Here the first split alone, or each candidate's best split, would point elsewhere than the
// means do.
TEST_CASE("three places to choose from, on other splits") {
  const WideDeepData data = make_data(120, 42);
  const std::vector<std::uint64_t> seeds = {11, 12};
  const AttachmentChoice got = choose_attachment(data, 6, 3, 0.02, seeds, fit_options());
  check_evidence(got, data, 6, 3, 0.02, seeds);
}
