// The functional API's symbolic tensors: nn::Input, and layers called on them.
#include "lib/layers/input.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/layers/flatten.h"

TEST_CASE("nn::Input is a symbolic batch of rows: (None, width)") {
  const nn::SymbolicTensor x = nn::Input({8}, "features");
  CHECK(x.width() == 8);
  CHECK_FALSE(x.batch_size());
  CHECK(x.shape_string() == "(None, 8)");
  CHECK(x.is_input());
  CHECK(x.layer()->name() == "features");
  CHECK(x.layer()->class_name() == "InputLayer");
  CHECK(x.layer()->count_params() == 0);
  CHECK(x.layer()->get_config()["batch_input_shape"] == nlohmann::json::parse("[null, 8]"));
  const nn::SymbolicTensor fixed = nn::Input({5}, "wide", 32);
  CHECK(fixed.shape_string() == "(32, 5)");
  CHECK(fixed.describe() == "input wide, (32, 5)");
}

TEST_CASE("nn::Input refuses shapes that are not one positive width") {
  CHECK_THROWS_AS(nn::Input({28, 28}), nn::ValueError);
  CHECK_THROWS_WITH(nn::Input({28, 28}, "image"), Catch::Contains("image") &&
                                                      Catch::Contains("{28, 28}") &&
                                                      Catch::Contains("Input({784})"));
  CHECK_THROWS_AS(nn::Input({0}), nn::ValueError);
  CHECK_THROWS_AS(nn::Input({}), nn::ValueError);
  CHECK_THROWS_AS(nn::Input({3}, "x", 0), nn::ValueError);
}

TEST_CASE("a layer called on a symbolic tensor is built, records a node, computes nothing") {
  const nn::SymbolicTensor x = nn::Input({8}, "features");
  nn::Dense hidden(30, "relu", "glorot_uniform", "zeros", "hidden");
  CHECK_FALSE(hidden->built());
  const nn::SymbolicTensor h = hidden(x);  // LayerHandle finds nn::call_layer by ADL
  CHECK(hidden->built());
  CHECK(hidden->kernel().value().shape() == std::array<std::size_t, 2>{8, 30});
  CHECK(h.width() == 30);
  CHECK(h.shape_string() == "(None, 30)");
  CHECK_FALSE(h.is_input());
  CHECK(h.layer() == hidden.ptr());
  REQUIRE(h.inputs().size() == 1);
  CHECK(h.inputs()[0].node() == x.node());
  CHECK(h.describe() == "the output of hidden (Dense), (None, 30)");
  // The same layer again, on a tensor of the width it was built for: a second node.
  const nn::SymbolicTensor h2 = hidden(nn::Input({8}, "other"));
  CHECK(h2.node() != h.node());
  CHECK(h2.layer() == h.layer());
}

TEST_CASE("a built layer called on another width is a wiring error naming layer and shapes") {
  nn::Dense hidden(30, "relu", "glorot_uniform", "zeros", "hidden");
  hidden(nn::Input({8}, "deep"));
  CHECK_THROWS_AS(hidden(nn::Input({5}, "wide")), nn::ShapeError);
  CHECK_THROWS_WITH(hidden(nn::Input({5}, "wide")), Catch::Contains("hidden (Dense)") &&
                                                        Catch::Contains("(None, 8)") &&
                                                        Catch::Contains("input wide, (None, 5)"));
}

TEST_CASE("inputs with different fixed batch sizes cannot meet in one layer") {
  const nn::SymbolicTensor a = nn::Input({5}, "a", 32), b = nn::Input({6}, "b", 64);
  const nn::SymbolicTensor c = nn::Input({6}, "c");  // None agrees with any batch size
  nn::Dense dense(2, "linear", "glorot_uniform", "zeros", "joint");
  const auto both = nn::call_layer(nn::Flatten().ptr(), a);  // batch sizes travel on
  CHECK(both.batch_size() == std::optional<std::size_t>(32));
  CHECK_THROWS_AS(nn::call_layer(dense.ptr(), {a, b}), nn::ShapeError);
  CHECK_THROWS_WITH(nn::call_layer(dense.ptr(), {a, b}),
                    Catch::Contains("joint (Dense)") && Catch::Contains("(32, 5)") &&
                        Catch::Contains("(64, 6)") && Catch::Contains("batch sizes"));
  CHECK_FALSE(dense->built());  // nothing was made for a call that failed
  CHECK(nn::call_layer(nn::Flatten().ptr(), {c}).shape_string() == "(None, 6)");
}

TEST_CASE("what a layer's build() rejects is reported at the call, with the layer and shapes") {
  nn::Flatten flatten({28, 28}, "pixels");
  CHECK_THROWS_AS(flatten(nn::Input({100}, "image")), nn::ShapeError);
  CHECK_THROWS_WITH(flatten(nn::Input({100}, "image")),
                    Catch::Contains("pixels (Flatten)") && Catch::Contains("(None, 100)"));
  CHECK(flatten(nn::Input({784}, "image")).width() == 784);
}

TEST_CASE("an empty symbolic tensor says where tensors come from") {
  const nn::SymbolicTensor empty;
  CHECK_FALSE(empty);
  CHECK_THROWS_WITH(empty.width(), Catch::Contains("nn::Input()"));
}
