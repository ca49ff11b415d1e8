#include "lib/plot/figure.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

#include "lib/error.h"
#include "lib/plot/xml_check_test.h"

namespace nn::plot {
namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

// The d="..." of the first path stroked in `color`.
std::string path_of(const std::string& doc, const std::string& color) {
  const std::size_t stroke = doc.find("stroke=\"" + color + "\"");
  REQUIRE(stroke != std::string::npos);
  const std::size_t start = doc.rfind("d=\"", stroke) + 3;
  return doc.substr(start, doc.find('"', start) - start);
}

Figure learning_curves() {
  Figure fig(640, 400);
  auto& ax = fig.axes();
  const std::vector<int> epochs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<float> loss = {0.9f, 0.6f,  0.45f, 0.38f, 0.33f,
                                   0.3f, 0.28f, 0.27f, 0.26f, 0.25f};
  const std::vector<double> val = {0.95, 0.7, 0.55, 0.5, 0.48, 0.47, 0.47, 0.48, 0.5, 0.52};
  ax.plot(epochs, loss, {"training loss"});
  ax.plot(epochs, val, {"validation loss", "", true});
  ax.axvline(6, {"best epoch", "#999999", true, 1});
  ax.xlabel("epoch");
  ax.ylabel("loss");
  ax.title("Learning curves");
  ax.legend();
  return fig;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

TEST_CASE("a learning-curve figure is well-formed SVG with its labels", "[plot][figure]") {
  const std::string doc = learning_curves().svg();
  INFO(testing::xml_problem(doc));
  CHECK(testing::xml_problem(doc).empty());
  for (const char* text : {">training loss<", ">validation loss<", ">best epoch<", ">epoch<",
                           ">loss<", ">Learning curves<", "stroke-dasharray", "viewBox"}) {
    CHECK(doc.find(text) != std::string::npos);
  }
  CHECK(doc.find("nan") == std::string::npos);
  CHECK(doc.find("0000000") == std::string::npos);  // no 0.30000000004-style numbers
}

TEST_CASE("the same figure gives the same bytes", "[plot][figure]") {
  CHECK(learning_curves().svg() == learning_curves().svg());
}

TEST_CASE("NaN and infinite points are skipped, not drawn", "[plot][figure]") {
  Figure fig;
  auto& ax = fig.axes();
  ax.plot({0, 1, 2, 3, 4, 5}, {1, 2, kNaN, 3, kInf, 4}, {"", "#123456"});
  ax.scatter({0, 1, kNaN, 3}, {1, kInf, 2, 3}, {"", "#abcdef"});
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.find("nan") == std::string::npos);
  CHECK(doc.find("inf") == std::string::npos);
  // Three pieces: (0,1)-(1,2), (3,3) alone, (5,4) alone.
  const std::string d = path_of(doc, "#123456");
  CHECK(count(d, "M") == 3);
  CHECK(count(d, "L") == 1);
  CHECK(count(doc, "fill=\"#abcdef\"") == 1);  // one group
  CHECK(count(doc, "<circle") == 2);           // of two points
}

TEST_CASE("text is escaped for XML", "[plot][figure]") {
  Figure fig;
  fig.title("R&D <figures>");
  auto& ax = fig.axes();
  ax.plot({0, 1}, {0, 1}, {"\"quoted\" & <bracketed>"});
  ax.xlabel("x < 1");
  ax.text(0.5, 0.5, "p > 0.5 & q");
  ax.legend();
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.find("R&amp;D &lt;figures&gt;") != std::string::npos);
  CHECK(doc.find("&quot;quoted&quot; &amp; &lt;bracketed&gt;") != std::string::npos);
  CHECK(doc.find("x &lt; 1") != std::string::npos);
  CHECK(doc.find("p &gt; 0.5 &amp; q") != std::string::npos);
}

TEST_CASE("default ticks of data over [0, 1]", "[plot][figure]") {
  Figure fig;
  fig.axes().plot({0, 0.5, 1}, {0, 0.25, 1});
  const std::string doc = fig.svg();
  for (const char* label : {">0<", ">0.2<", ">0.4<", ">0.6<", ">0.8<", ">1<"}) {
    CHECK(count(doc, label) == 2);  // once on each axis
  }
}

TEST_CASE("a log x axis for a learning-rate finder", "[plot][figure]") {
  Figure fig;
  auto& ax = fig.axes();
  std::vector<double> rates, losses;
  for (int i = 0; i <= 60; ++i) {
    rates.push_back(1e-5 * std::pow(10.0, i / 10.0));
    losses.push_back(2.3 - std::exp(-std::pow(i / 10.0 - 4, 2)));
  }
  rates.push_back(-1);  // cannot be shown on a log axis: skipped
  losses.push_back(1);
  ax.plot(rates, losses);
  ax.xscale("log");
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  for (const char* label : {">10⁻⁵<", ">10⁻⁴<", ">10⁰<", ">10¹<"}) {
    CHECK(doc.find(label) != std::string::npos);
  }
  CHECK(doc.find("nan") == std::string::npos);
  CHECK_THROWS_AS(ax.xscale("logarithmic"), ValueError);
  CHECK_THROWS_WITH(ax.yscale("exp"), Catch::Contains("\"log\""));
}

TEST_CASE("a confusion matrix heat map", "[plot][figure]") {
  Figure fig(480, 420);
  Tensor matrix = {{50, 2, 0}, {3, 41, 6}, {0, 9, 39}};
  auto& ax = fig.axes();
  ax.heatmap(matrix, {"setosa", "versicolor", "virginica"}, {"setosa", "versicolor", "virginica"});
  ax.xlabel("predicted");
  ax.ylabel("true");
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(count(doc, ">virginica<") == 2);
  for (const char* value : {">50<", ">41<", ">39<", ">9<"})
    CHECK(doc.find(value) != std::string::npos);
  CHECK(count(doc, "<rect") >= 9);
  CHECK_THROWS_AS(ax.heatmap(matrix, {"a", "b"}, {}), ValueError);
}

TEST_CASE("bars, lines and texts", "[plot][figure]") {
  Figure fig;
  auto& ax = fig.axes();
  ax.bar({"SGD", "momentum", "Adam"}, {0.81, 0.86, 0.88}, {"", "", true});
  ax.axhline(0.85, {"target", "#d55e00", true});
  CHECK_THROWS_AS(ax.bar({"a"}, {1, 2}), ValueError);
  CHECK_THROWS_AS(ax.axline(0, 0, 1), ValueError);
  CHECK_THROWS_AS(ax.plot({1, 2}, {1}), ShapeError);
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.find(">momentum<") != std::string::npos);
  CHECK(doc.find(">0.88<") != std::string::npos);
}

TEST_CASE("hlines and vlines share one colour and one legend entry", "[plot][figure]") {
  Figure fig;
  auto& ax = fig.axes();
  ax.plot({0, 10}, {0, 1});
  ax.vlines({2, 4, 6}, {"milestones", "#cc79a7", true, 1});
  ax.hlines({0.25, 0.75}, {"quartiles"});
  ax.legend();
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(count(doc, "stroke=\"#cc79a7\"") == 3 + 1);  // three lines and the legend sample
  CHECK(count(doc, ">milestones<") == 1);
  CHECK(count(doc, ">quartiles<") == 1);
}

TEST_CASE("what a log axis cannot show is left out, never written as nan", "[plot][figure]") {
  Figure fig;
  fig.subplots(1, 3);
  fig.axes(0).bar({"a", "b"}, {10, 1000});
  fig.axes(0).yscale("log");
  fig.axes(1).decision_regions(Tensor{{0.2f, 0.8f}}, {-1, 1, -1, 1});
  fig.axes(1).xscale("log");
  fig.axes(2).axline(1, 1, 0);
  fig.axes(2).plot({-1, 1, 10}, {1, 2, 3});
  fig.axes(2).xscale("log");
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.find("nan") == std::string::npos);
  CHECK(doc.find(">10³<") != std::string::npos);
}

TEST_CASE("decision regions of a predict function, with a contour", "[plot][figure]") {
  Figure fig;
  auto& ax = fig.axes();
  // A circle: class 1 inside radius 1.
  const PredictFn predict = [](const Tensor& X) {
    Tensor p({X.shape()[0], 1});
    for (std::size_t i = 0; i < X.shape()[0]; ++i) {
      p(i, 0) = 1 / (1 + std::exp(4 * (X(i, 0) * X(i, 0) + X(i, 1) * X(i, 1) - 1)));
    }
    return p;
  };
  RegionStyle style;
  style.contour = true;
  ax.decision_regions(predict, {-2, 2, -2, 2}, style);
  Tensor X = {{0, 0}, {0.5, 0.2}, {1.5, 1.5}, {-1.8, 0.3}};
  Labels y = {1, 1, 0, 0};
  ax.scatter_classes(X, y, {"outside", "inside"});
  ax.axline(1, -1, 0, {"", "#444444", true, 1});
  ax.legend();
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(count(doc, "href=\"data:image/png;base64,") == 1);
  CHECK(doc.find("stroke=\"#222222\"") != std::string::npos);  // the contour
  CHECK(doc.find(">inside<") != std::string::npos);
  CHECK(doc.size() < 80000);
  // The limits are the extent: its ends are ticks, with no margin beyond.
  CHECK(count(doc, ">-2<") == 2);
  CHECK_THROWS_AS(ax.decision_regions(
                      [](const Tensor&) {
                        return Tensor({3, 1});
                      },
                      {0, 1, 0, 1}),
                  ShapeError);
  CHECK_THROWS_AS(ax.decision_regions(predict, {1, 0, 0, 1}), ValueError);
}

TEST_CASE("decision regions of class scores and class grids", "[plot][figure]") {
  Figure fig;
  fig.subplots(1, 2);
  fig.axes(0, 0).decision_regions(
      [](const Tensor& X) {
        Tensor scores({X.shape()[0], 3});
        for (std::size_t i = 0; i < X.shape()[0]; ++i) {
          scores(i, 0) = X(i, 0), scores(i, 1) = X(i, 1), scores(i, 2) = 0.5f;
        }
        return scores;
      },
      {0, 1, 0, 1});
  xt::xtensor<int, 2> grid = {{0, 0, 1}, {0, 1, 1}};
  fig.axes(0, 1).decision_regions(grid, {0, 3, 0, 2});
  const std::string doc = fig.svg();
  CHECK(testing::xml_problem(doc).empty());
  CHECK(count(doc, "data:image/png;base64,") == 2);
  CHECK(count(doc, "<clipPath") == 2);
}

TEST_CASE("legend, axes and figure arguments are checked", "[plot][figure]") {
  Figure fig;
  CHECK_THROWS_AS(fig.axes().legend("middle"), ValueError);
  CHECK_THROWS_AS(fig.axes(1), ValueError);
  CHECK_THROWS_AS(fig.subplots(0, 2), ValueError);
  CHECK_THROWS_AS(Figure(0, 10), ValueError);
  fig.subplots(2, 2);
  CHECK_NOTHROW(fig.axes(1, 1));
  CHECK_THROWS_AS(fig.axes(2, 0), ValueError);
  Tensor not_2d = {{1, 2, 3}};
  CHECK_THROWS_AS(fig.axes(0).scatter_classes(not_2d, Labels{0}), ShapeError);
}

TEST_CASE("save is atomic: errors name the path and keep the old file", "[plot][figure]") {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::string path = std::string(tmp ? tmp : "/tmp") + "/figure_test.svg";
  learning_curves().save(path);
  const std::string saved = read(path);
  CHECK(saved == learning_curves().svg());

  Figure broken;  // drawing fails (equal limits), so nothing is written
  broken.axes().ylim(1, 1);
  CHECK_THROWS_AS(broken.save(path), ValueError);
  CHECK(read(path) == saved);

  const std::string missing = std::string(tmp ? tmp : "/tmp") + "/no/such/folder/fig.svg";
  CHECK_THROWS_WITH(learning_curves().save(missing), Catch::Contains(missing));
  std::remove(path.c_str());
}

}  // namespace nn::plot
