#pragma once
// Test helper: a tiny XML well-formedness checker for the SVG the library writes. It checks
// that every tag is closed in order, attributes are quoted and unique, '&' starts a known
// entity, '<' never appears inside text or values, and there is exactly one root element.

#include <cctype>
#include <set>
#include <string>
#include <vector>

namespace nn::plot::testing {

/// An empty string if `doc` is well-formed XML, else what is wrong and at which byte.
inline std::string xml_problem(const std::string& doc) {
  std::vector<std::string> open;
  std::size_t i = 0, n = doc.size();
  int roots = 0;
  auto at = [&](const std::string& what) { return what + " at byte " + std::to_string(i); };
  auto is_name = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == '_' ||
           c == '.';
  };
  auto entity_ok = [&](std::size_t k) {  // doc[k] == '&'
    const std::size_t end = doc.find(';', k);
    if (end == std::string::npos) return false;
    const std::string name = doc.substr(k + 1, end - k - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
      return true;
    }
    return name.size() > 1 && name[0] == '#';
  };
  if (doc.compare(0, 5, "<?xml") == 0) {
    i = doc.find("?>");
    if (i == std::string::npos) return "unterminated XML declaration";
    i += 2;
  }
  while (i < n) {
    const char c = doc[i];
    if (c != '<') {
      if (c == '&' && !entity_ok(i)) return at("bad entity");
      if (open.empty() && !std::isspace(static_cast<unsigned char>(c))) {
        return at("text outside the root element");
      }
      ++i;
      continue;
    }
    if (doc.compare(i, 4, "<!--") == 0) {
      i = doc.find("-->", i);
      if (i == std::string::npos) return "unterminated comment";
      i += 3;
      continue;
    }
    if (i + 1 < n && doc[i + 1] == '/') {  // a closing tag
      std::size_t k = i + 2;
      while (k < n && is_name(doc[k])) ++k;
      const std::string name = doc.substr(i + 2, k - i - 2);
      if (k >= n || doc[k] != '>') return at("malformed closing tag");
      if (open.empty() || open.back() != name) return at("</" + name + "> closes nothing open");
      open.pop_back();
      i = k + 1;
      continue;
    }
    std::size_t k = i + 1;  // an opening or empty tag
    while (k < n && is_name(doc[k])) ++k;
    const std::string name = doc.substr(i + 1, k - i - 1);
    if (name.empty()) return at("'<' that starts no tag");
    if (open.empty() && ++roots > 1) return at("a second root element");
    std::set<std::string> names;
    for (;;) {
      while (k < n && std::isspace(static_cast<unsigned char>(doc[k]))) ++k;
      if (k >= n) return at("unterminated tag <" + name + ">");
      if (doc.compare(k, 2, "/>") == 0) {
        k += 2;
        break;
      }
      if (doc[k] == '>') {
        open.push_back(name);
        ++k;
        break;
      }
      const std::size_t start = k;
      while (k < n && is_name(doc[k])) ++k;
      const std::string attr = doc.substr(start, k - start);
      if (attr.empty() || k + 1 >= n || doc[k] != '=' || doc[k + 1] != '"') {
        return at("malformed attribute in <" + name + ">");
      }
      if (!names.insert(attr).second) return at("duplicate attribute " + attr);
      const std::size_t end = doc.find('"', k + 2);
      if (end == std::string::npos) return at("unterminated attribute value");
      for (std::size_t v = k + 2; v < end; ++v) {
        if (doc[v] == '<') return at("'<' in an attribute value");
        if (doc[v] == '&' && !entity_ok(v)) return at("bad entity in an attribute value");
      }
      k = end + 1;
    }
    i = k;
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  if (roots != 1) return "no root element";
  return "";
}

}  // namespace nn::plot::testing
