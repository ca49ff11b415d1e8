#include "lib/plot/svg.h"

#include <cassert>
#include <utility>

#include "lib/plot/format.h"

namespace nn::plot {

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        const bool forbidden = static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n';
        out += forbidden ? ' ' : c;
    }
  }
  return out;
}

double text_width(const std::string& text, double font_size) {
  double em = 0;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: same character
    const bool narrow = c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == '1';
    em += narrow ? 0.35 : (c >= 'A' && c <= 'Z') ? 0.72 : 0.62;
  }
  return em * font_size;
}

Attr::Attr(std::string name, std::string value) : name(std::move(name)), value(std::move(value)) {}
Attr::Attr(std::string name, double value) : name(std::move(name)), value(format_coord(value)) {}

void PathData::move_to(double x, double y) { d_ += "M" + format_coord(x) + " " + format_coord(y); }
void PathData::line_to(double x, double y) { d_ += "L" + format_coord(x) + " " + format_coord(y); }
void PathData::close() { d_ += "Z"; }

Svg::Svg(double width, double height) {
  const std::string w = format_coord(width), h = format_coord(height);
  out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
               {"width", w},
               {"height", h},
               {"viewBox", "0 0 " + w + " " + h},
               {"font-family", "DejaVu Sans, Helvetica, Arial, sans-serif"},
               {"font-size", "12"}});
  element("rect", {{"width", w}, {"height", h}, {"fill", "#ffffff"}});
}

void Svg::start_tag(const std::string& tag, const std::vector<Attr>& attrs) {
  out_ += "<" + tag;
  for (const Attr& attr : attrs) out_ += " " + attr.name + "=\"" + xml_escape(attr.value) + "\"";
}

void Svg::open(const std::string& tag, const std::vector<Attr>& attrs) {
  start_tag(tag, attrs);
  out_ += ">\n";
  open_.push_back(tag);
}

void Svg::close() {
  assert(!open_.empty());
  out_ += "</" + open_.back() + ">\n";
  open_.pop_back();
}

void Svg::element(const std::string& tag, const std::vector<Attr>& attrs) {
  start_tag(tag, attrs);
  out_ += "/>\n";
}

void Svg::text(double x, double y, const std::string& content, const std::vector<Attr>& attrs) {
  std::vector<Attr> all = {{"x", x}, {"y", y}};
  all.insert(all.end(), attrs.begin(), attrs.end());
  start_tag("text", all);
  out_ += ">" + xml_escape(content) + "</text>\n";
}

std::string Svg::finish() {
  while (!open_.empty()) close();
  return out_;
}

}  // namespace nn::plot
