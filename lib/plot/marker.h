#pragma once
// The shapes of scatter plots. Filled shapes get a thin white edge, so that points that
// overlap stay apart; the cross and the plus are drawn as strokes of the colour.

#include <cstddef>
#include <string>
#include <vector>

#include "lib/plot/style.h"
#include "lib/plot/svg.h"

namespace nn::plot {

/// The attributes of a group (`<g>`) of markers of one shape in `color`: the fill and a white
/// edge for filled shapes, the stroke for the cross and the plus. Markers inside such a group
/// carry only their geometry, which keeps a scatter of a thousand points small.
std::vector<Attr> marker_style(Marker marker, const std::string& color);

/// Draws the geometry of one marker of radius `r` pixels centred on pixel (x, y); draw it
/// inside a group opened with marker_style().
void draw_marker(Svg& svg, Marker marker, double x, double y, double r);

/// The marker of class `i` in scatter_classes(): circle, square, triangle, diamond, cross,
/// plus, then round again, so classes differ in shape as well as colour.
Marker class_marker(std::size_t i);

}  // namespace nn::plot
