#pragma once
// A small SVG writer: elements with attributes, text, and path data, every string escaped for
// XML and every number formatted by format_coord(), so a document is well formed and the same
// drawing gives the same bytes.

#include <string>
#include <vector>

namespace nn::plot {

/// Text made safe for XML: & < > " ' become entities; control characters that XML forbids
/// become spaces.
std::string xml_escape(const std::string& text);

/// An estimate of the width of `text` in pixels at `font_size` in a sans-serif font. There
/// are no font metrics here: about 0.6 em per character, which errs on the wide side.
double text_width(const std::string& text, double font_size);

/// One attribute of an element: a name and its value as text.
struct Attr {
  /// An attribute with a text value (escaped when written).
  Attr(std::string name, std::string value);
  /// An attribute with a numeric value, written by format_coord().
  Attr(std::string name, double value);
  /// The attribute's name, e.g. "stroke-width".
  std::string name;
  /// The attribute's value, unescaped.
  std::string value;
};

/// The `d` attribute of a `<path>`, built from moves and lines in pixel coordinates.
class PathData {
 public:
  /// Starts a new piece of the path at (x, y).
  void move_to(double x, double y);
  /// Draws a straight segment from the current point to (x, y).
  void line_to(double x, double y);
  /// Closes the current piece back to its start.
  void close();
  /// True if nothing was added.
  bool empty() const { return d_.empty(); }
  /// The path data, e.g. "M10 20L30 40".
  const std::string& str() const { return d_; }

 private:
  std::string d_;
};

/// An SVG document being written, element by element.
class Svg {
 public:
  /// Starts a document of width × height pixels with a matching viewBox (so that it scales
  /// in a browser), a sans-serif font and a white background.
  Svg(double width, double height);
  /// Opens an element that will hold others, e.g. `<g>`; close it with close().
  void open(const std::string& tag, const std::vector<Attr>& attrs = {});
  /// Closes the element opened last.
  void close();
  /// Writes an empty element, e.g. `<rect .../>`.
  void element(const std::string& tag, const std::vector<Attr>& attrs);
  /// Writes `<text x y ...>content</text>`.
  void text(double x, double y, const std::string& content, const std::vector<Attr>& attrs = {});
  /// Closes every element still open and returns the document.
  std::string finish();

 private:
  void start_tag(const std::string& tag, const std::vector<Attr>& attrs);
  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace nn::plot
