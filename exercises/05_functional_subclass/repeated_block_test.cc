// Tests for exercise 5.5. Do not edit: `./book grade` runs them against your repeated_block.cc.
#include "exercises/05_functional_subclass/repeated_block.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <xtensor/xview.hpp>

#include "exercises/05_functional_subclass/dense_by_shape_test.h"
#include "lib/error.h"

using exercises::DepthModel;
using exercises::testing::dense_with_kernel;

namespace {

std::unique_ptr<DepthModel> made(int units, int depth) {
  std::unique_ptr<DepthModel> model = exercises::make_repeated_block(units, depth);
  REQUIRE(model != nullptr);
  return model;
}

// tanh(x·W + b) (or without tanh) of the layer with an (in, out) kernel, with plain loops in
// double precision.
nn::Tensor layer(const nn::Model& model, std::size_t in, std::size_t out, const nn::Tensor& x,
                 bool apply_tanh) {
  auto dense = dense_with_kernel(model, in, out);
  const nn::Tensor& W = dense->kernel().value();
  const nn::Tensor& b = dense->bias().value();
  nn::Tensor y = nn::Tensor::from_shape({x.shape(0), W.shape(1)});
  for (std::size_t r = 0; r < x.shape(0); ++r) {
    for (std::size_t c = 0; c < W.shape(1); ++c) {
      double z = b(0, c);
      for (std::size_t k = 0; k < x.shape(1); ++k) z += double(x(r, k)) * W(k, c);
      y(r, c) = static_cast<float>(apply_tanh ? std::tanh(z) : z);
    }
  }
  return y;
}

// ŷ for depth d, by hand, for inputs of 3 numbers and `units` units.
nn::Tensor by_hand(const nn::Model& model, const nn::Tensor& x, int d, std::size_t units) {
  nn::Tensor h = layer(model, 3, units, x, true);
  for (int i = 0; i < d; ++i) h = h + layer(model, units, units, h, true);
  return layer(model, units, 1, h, false);
}

void check_close(const nn::Tensor& got, const nn::Tensor& expected, int depth) {
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t r = 0; r < got.shape(0); ++r) {
    INFO("depth " << depth << ", row " << r << ": expected " << expected(r, 0) << ", got "
                  << got(r, 0));
    CHECK(got(r, 0) == Approx(expected(r, 0)).margin(1e-4));
  }
}

const nn::Tensor kX = nn::Rng(1).normal_tensor(6, 3);

}  // namespace

TEST_CASE("the output is the formula, at the depth set before the call") {
  nn::set_random_seed(2);
  std::unique_ptr<DepthModel> model = made(5, 1);
  model->build({3});  // depth 1 builds every layer (at depth 0 the block would never run)
  for (int depth : {0, 1, 2, 4, 3}) {
    model->set_depth(depth);
    CHECK(model->depth() == depth);
    const nn::Tensor got = model->predict(kX);
    check_close(got, by_hand(*model, kX, depth, 5), depth);
  }
}

TEST_CASE("the depth changes the computation, not the number of weights") {
  nn::set_random_seed(3);
  std::unique_ptr<DepthModel> shallow = made(5, 1), deep = made(5, 6);
  shallow->build({3});
  deep->build({3});
  CHECK(shallow->count_params() == (3 * 5 + 5) + (5 * 5 + 5) + (5 + 1));
  CHECK(deep->count_params() == shallow->count_params());
  deep->set_depth(1);
  const nn::Tensor one = deep->predict(kX);
  deep->set_depth(6);
  const nn::Tensor six = deep->predict(kX);
  CHECK(std::abs(one(0, 0) - six(0, 0)) > 1e-4f);
}

TEST_CASE("a negative depth is refused, naming it") {
  std::unique_ptr<DepthModel> model = made(4, 2);
  CHECK_THROWS_AS(model->set_depth(-1), nn::ValueError);
  CHECK_THROWS_WITH(model->set_depth(-3), Catch::Contains("-3"));
  CHECK(model->depth() == 2);
  CHECK_THROWS_AS(exercises::make_repeated_block(4, -2), nn::ValueError);
}

TEST_CASE("gradients through the repetitions match finite differences") {
  nn::set_random_seed(4);
  std::unique_ptr<DepthModel> made_model = made(4, 3);
  DepthModel& model = *made_model;
  model.build({3});
  nn::Var x(nn::Rng(5).normal_tensor(5, 3, 0.0f, 0.5f), true);
  const nn::Tensor w = nn::Rng(6).normal_tensor(5, 1);
  const nn::GradientCheckResult result = nn::gradient_check(
      [&] { return nn::weighted_sum(model.call({x}, true).at(0), w); }, {x}, model.parameters());
  INFO(result.worst);
  CHECK(result.passed);
  CHECK(result.checked == 15 + (12 + 4) + (16 + 4) + (4 + 1));
  // The block's kernel gets gradient only if the block ran: at depth 0 it gets none.
  model.set_depth(0);
  auto block = dense_with_kernel(model, 4, 4);
  block->kernel().zero_grad();
  nn::weighted_sum(model.call({x}, true).at(0), w).backward();
  CHECK_FALSE(block->kernel().has_grad());
  CHECK(xt::amax(xt::abs(block->kernel().grad()))() == 0.0f);
}

TEST_CASE("it trains through fit like any model") {
  nn::set_random_seed(5);
  std::unique_ptr<DepthModel> made_model = made(8, 2);
  DepthModel& model = *made_model;
  model.compile("mse", nn::Adam(0.01));
  const nn::Tensor x = nn::Rng(7).normal_tensor(64, 3);
  const nn::Tensor y = xt::view(x, xt::all(), xt::range(0, 1)) * 2.0f;  // (64, 1)
  nn::FitOptions options;
  options.epochs = 20;
  options.verbose = 0;
  options.seed = 8;
  const nn::History history = model.fit(x, y, options);
  CHECK(history.history.at("loss").back() < 0.5 * history.history.at("loss").front());
}
