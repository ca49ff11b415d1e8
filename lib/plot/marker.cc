#include "lib/plot/marker.h"

namespace nn::plot {

std::vector<Attr> marker_style(Marker marker, const std::string& color) {
  if (marker == Marker::cross || marker == Marker::plus) {
    return {
        {"fill", "none"}, {"stroke", color}, {"stroke-width", 1.8}, {"stroke-linecap", "round"}};
  }
  return {{"fill", color}, {"stroke", "#ffffff"}, {"stroke-width", 0.6}};
}

void draw_marker(Svg& svg, Marker marker, double x, double y, double r) {
  PathData d;
  switch (marker) {
    case Marker::circle:
      svg.element("circle", {{"cx", x}, {"cy", y}, {"r", r}});
      return;
    case Marker::square:
      r *= 0.9;  // a square looks bigger than a circle of the same radius
      d.move_to(x - r, y - r), d.line_to(x + r, y - r), d.line_to(x + r, y + r);
      d.line_to(x - r, y + r), d.close();
      break;
    case Marker::triangle:
      r *= 1.2;
      d.move_to(x, y - r), d.line_to(x + r * 0.866, y + r * 0.5);
      d.line_to(x - r * 0.866, y + r * 0.5), d.close();
      break;
    case Marker::diamond:
      r *= 1.15;
      d.move_to(x, y - r), d.line_to(x + r, y), d.line_to(x, y + r), d.line_to(x - r, y);
      d.close();
      break;
    case Marker::cross:
      r *= 0.8;
      d.move_to(x - r, y - r), d.line_to(x + r, y + r);
      d.move_to(x - r, y + r), d.line_to(x + r, y - r);
      break;
    case Marker::plus:
      d.move_to(x - r, y), d.line_to(x + r, y), d.move_to(x, y - r), d.line_to(x, y + r);
      break;
  }
  svg.element("path", {{"d", d.str()}});
}

Marker class_marker(std::size_t i) {
  static const Marker markers[] = {Marker::circle,  Marker::square, Marker::triangle,
                                   Marker::diamond, Marker::cross,  Marker::plus};
  return markers[i % 6];
}

}  // namespace nn::plot
