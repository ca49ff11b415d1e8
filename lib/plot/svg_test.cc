#include "lib/plot/svg.h"

#include <catch2/catch.hpp>

#include "lib/plot/xml_check_test.h"

namespace nn::plot {

TEST_CASE("xml_escape escapes markup and drops forbidden control characters", "[plot][svg]") {
  CHECK(xml_escape("a < b && c > \"d\" 'e'") ==
        "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;");
  CHECK(xml_escape(std::string("bell\a!")) == "bell !");
  CHECK(xml_escape("10⁻⁵ ok") == "10⁻⁵ ok");
}

TEST_CASE("the checker itself rejects broken XML", "[plot][svg]") {
  using testing::xml_problem;
  CHECK(xml_problem("<svg><g></g></svg>").empty());
  CHECK_FALSE(xml_problem("<svg><g></svg>").empty());
  CHECK_FALSE(xml_problem("<svg><g>").empty());
  CHECK_FALSE(xml_problem("<svg a=\"1\" a=\"2\"/>").empty());
  CHECK_FALSE(xml_problem("<svg>a & b</svg>").empty());
  CHECK_FALSE(xml_problem("<svg>a < b</svg>").empty());
  CHECK_FALSE(xml_problem("<svg/><svg/>").empty());
  CHECK_FALSE(xml_problem("<svg x=\"<\"/>").empty());
}

TEST_CASE("Svg writes a well-formed, scalable document", "[plot][svg]") {
  Svg svg(640, 400);
  svg.open("g", {{"fill", "#333333"}});
  svg.text(10, 20.456, "loss < 0.5 & \"falling\"", {{"text-anchor", "middle"}});
  svg.element("rect", {{"x", 1.5}, {"y", 2}, {"width", 3}, {"height", 4}, {"title", "a<b"}});
  svg.open("g");  // left open: finish() closes it
  const std::string doc = svg.finish();
  INFO(doc);
  CHECK(testing::xml_problem(doc).empty());
  CHECK(doc.find("viewBox=\"0 0 640 400\"") != std::string::npos);
  CHECK(doc.find("sans-serif") != std::string::npos);
  CHECK(doc.find("y=\"20.46\"") != std::string::npos);
  CHECK(doc.find("loss &lt; 0.5 &amp; &quot;falling&quot;") != std::string::npos);
  CHECK(doc.find("title=\"a&lt;b\"") != std::string::npos);
}

TEST_CASE("PathData and text widths", "[plot][svg]") {
  PathData d;
  CHECK(d.empty());
  d.move_to(0, 1.005);
  d.line_to(10.25, -3);
  d.close();
  CHECK(d.str() == "M0 1L10.25 -3Z");
  CHECK(text_width("10⁻⁵", 10) == Approx(text_width("1000", 10)).epsilon(0.5));
  CHECK(text_width("training loss", 12) > text_width("loss", 12));
}

}  // namespace nn::plot
