// Model graphs: DOT text from a functional model, and SVG from Graphviz's dot.
#include "lib/models/graphviz.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "lib/error.h"
#include "lib/layers/concatenate.h"
#include "lib/layers/dense.h"

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

nn::Functional two_inputs() {
  const nn::SymbolicTensor wide = nn::Input({5}, "wide_input");
  const nn::SymbolicTensor deep = nn::Input({6}, "deep_input");
  const nn::SymbolicTensor hidden =
      nn::Dense(30, "relu", "glorot_uniform", "zeros", "hidden")(deep);
  const nn::SymbolicTensor both = nn::Concatenate("concat")({wide, hidden});
  const nn::SymbolicTensor main =
      nn::Dense(1, "linear", "glorot_uniform", "zeros", "main_output")(both);
  const nn::SymbolicTensor aux =
      nn::Dense(1, "linear", "glorot_uniform", "zeros", "aux<output>")(hidden);
  return nn::Functional({wide, deep}, {main, aux}, "wide_deep");
}

// Restores an environment variable when the test ends, whatever happens.
struct EnvironmentGuard {
  std::string name, value;
  bool had;
  explicit EnvironmentGuard(const char* variable) : name(variable) {
    const char* old = std::getenv(variable);
    had = old != nullptr;
    if (had) value = old;
  }
  ~EnvironmentGuard() {
    if (had) {
      setenv(name.c_str(), value.c_str(), 1);
    } else {
      unsetenv(name.c_str());
    }
  }
};

}  // namespace

TEST_CASE("model_to_dot: a box per layer, an arrow per connection, shapes on the boxes") {
  const nn::Functional model = two_inputs();
  const std::string dot = model_to_dot(model);
  CHECK(dot.rfind("digraph \"wide_deep\" {", 0) == 0);
  CHECK(count(dot, "[label=<") == 6);  // 2 inputs, hidden, concat, 2 outputs
  CHECK(count(dot, " -> ") == 5);  // deep→hidden, wide→concat, hidden→concat, 2 to outputs
  CHECK_THAT(dot, Catch::Contains("<b>hidden</b>: Dense") &&
                      Catch::Contains("(None, 6) &#8594; (None, 30)") &&
                      Catch::Contains("(None, 5), (None, 30) &#8594; (None, 35)") &&
                      Catch::Contains("<b>aux&lt;output&gt;</b>") && Catch::Contains("n1 -> n2;") &&
                      Catch::Contains("rankdir=TB"));
  nn::PlotModelOptions options;
  options.show_shapes = false;
  options.show_layer_names = false;
  options.rankdir = "LR";
  const std::string plain = model_to_dot(model, options);
  CHECK_THAT(plain, !Catch::Contains("None") && !Catch::Contains("hidden") &&
                        Catch::Contains("<b>Dense</b>") && Catch::Contains("rankdir=LR"));
  options.rankdir = "sideways";
  CHECK_THROWS_AS(model_to_dot(model, options), nn::ValueError);
}

TEST_CASE("render_dot: Graphviz draws the graph as SVG") {
  const std::string svg = nn::render_dot(model_to_dot(two_inputs()));
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find("</svg>") != std::string::npos);
  CHECK(svg.find("main_output") != std::string::npos);
  CHECK(count(svg, "class=\"edge\"") == 5);
  CHECK_THROWS_WITH(nn::render_dot("digraph { a -> }"), Catch::Contains("dot -Tsvg failed"));
  CHECK_THROWS_AS(nn::render_dot("digraph {}", "svg; rm"), nn::ValueError);
}

TEST_CASE("render_dot says how to install Graphviz when dot is missing") {
  EnvironmentGuard path("PATH");
  setenv("PATH", "/nonexistent-folder", 1);
  CHECK_THROWS_AS(nn::render_dot("digraph {}"), nn::Error);
  CHECK_THROWS_WITH(nn::render_dot("digraph {}"),
                    Catch::Contains("`dot`") && Catch::Contains("graphviz"));
}
