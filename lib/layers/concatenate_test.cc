// Concatenate: inputs side by side, on real tensors (values, gradients, batch sizes) and on
// symbolic ones.
#include "lib/layers/concatenate.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/gradient_check.h"

TEST_CASE("Concatenate puts its inputs side by side") {
  nn::Concatenate concat;
  const nn::Var a(nn::Tensor{{1, 2}, {3, 4}}), b(nn::Tensor{{5}, {6}});
  const nn::Var y = concat({a, b});
  CHECK((y.value() == nn::Tensor{{1, 2, 5}, {3, 4, 6}}));
  CHECK(concat->output_dim({2, 1}) == 3);
  CHECK(concat->class_name() == "Concatenate");
  CHECK(concat->count_params() == 0);
  CHECK(concat->get_config()["axis"] == -1);
}

TEST_CASE("Concatenate's gradient: each input gets its own columns of dy") {
  nn::Concatenate concat;
  nn::Var a(nn::Tensor{{0.3f, -1.2f}, {0.7f, 2.0f}}, true);
  nn::Var b(nn::Tensor{{1.5f}, {-0.4f}}, true);
  const nn::Tensor w = {{1.0f, -2.0f, 3.0f}, {0.5f, 4.0f, -1.0f}};  // dy = w
  const nn::GradientCheckResult result = nn::gradient_check(
      [&] {
        return nn::weighted_sum(concat({a, b}), w);
      },
      {a, b});
  CHECK(result.passed);
  INFO(result.worst);
  CHECK(result.checked == 6);
  // And exactly: da = w[:, 0:2], db = w[:, 2:3].
  a.zero_grad();
  b.zero_grad();
  nn::weighted_sum(concat({a, b}), w).backward();
  CHECK((a.grad() == nn::Tensor{{1.0f, -2.0f}, {0.5f, 4.0f}}));
  CHECK((b.grad() == nn::Tensor{{3.0f}, {-1.0f}}));
}

TEST_CASE("Concatenate refuses inputs of different batch sizes, naming the layer and shapes") {
  nn::Concatenate concat("joined");
  const nn::Var a(nn::Tensor(xt::zeros<float>({32, 5}))), b(nn::Tensor(xt::zeros<float>({16, 30})));
  CHECK_THROWS_AS(concat({a, b}), nn::ShapeError);
  CHECK_THROWS_WITH(concat({a, b}), Catch::Contains("joined (Concatenate)") &&
                                        Catch::Contains("(16, 30)") && Catch::Contains("(32, 5)"));
}

TEST_CASE("Concatenate on symbolic tensors: widths add up") {
  const nn::SymbolicTensor wide = nn::Input({5}, "wide"), deep = nn::Input({30}, "deep");
  const nn::SymbolicTensor both = nn::Concatenate("both")({wide, deep});
  CHECK(both.shape_string() == "(None, 35)");
  CHECK(both.layer()->name() == "both");
  REQUIRE(both.inputs().size() == 2);
  CHECK(both.inputs()[0].node() == wide.node());
  CHECK(both.inputs()[1].node() == deep.node());
  CHECK(nn::concatenate({deep, wide, deep}).width() == 65);  // Keras's functional shortcut
  CHECK_THROWS_WITH(nn::concatenate({nn::Input({5}, "a", 32), nn::Input({5}, "b", 64)}),
                    Catch::Contains("(32, 5)") && Catch::Contains("(64, 5)"));
}
