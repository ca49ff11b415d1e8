#pragma once
// Long lines, such as the library's error messages, cut to the width of the book's output
// boxes so that a reader sees them without scrolling.

#include <cstddef>
#include <string>

namespace nn::chapter {

/// `text` cut into lines of at most `width` characters at spaces; every line after the first
/// is indented by `indent` spaces. Words longer than `width` stay whole.
std::string wrapped(const std::string& text, std::size_t indent, std::size_t width = 90);

}  // namespace nn::chapter
