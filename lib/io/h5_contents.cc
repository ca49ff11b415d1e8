#include "lib/io/h5_contents.h"

#include <algorithm>

#include "lib/io/hdf5.h"

namespace nn::h5 {
namespace {

void visit(const Group& group, std::vector<Entry>& entries) {
  Entry entry{group.path(), true, "", {}};
  for (const std::string& name : group.attribute_names()) {
    entry.attributes.push_back({name, group.describe_attribute(name)});
  }
  entries.push_back(std::move(entry));
  for (const std::string& name : group.children()) {
    if (group.has_group(name)) {
      visit(group.group(name), entries);
    } else {
      const std::string path = group.path() == "/" ? "/" + name : group.path() + "/" + name;
      entries.push_back({path, false, group.describe_dataset(name), {}});
    }
  }
}

}  // namespace

std::vector<Entry> list_contents(const std::string& path) {
  const File file = File::open(path);
  std::vector<Entry> entries;
  visit(file.root(), entries);
  return entries;
}

std::string format_contents(const std::vector<Entry>& entries, std::size_t width) {
  const auto cut = [width](std::string line) {
    if (line.size() > width) line = line.substr(0, width - 3) + "...";
    return line + "\n";
  };
  std::string text;
  for (const Entry& entry : entries) {
    const std::size_t depth =
        entry.path == "/" ? 0 : std::count(entry.path.begin(), entry.path.end(), '/');
    const std::string indent(2 * depth, ' ');
    const std::string name = entry.path == "/" ? "/" : entry.path.substr(entry.path.rfind('/') + 1);
    text += cut(indent + name + (entry.is_group && entry.path != "/" ? "/" : "") +
                (entry.is_group ? "" : "  " + entry.type));
    for (const auto& [attribute, value] : entry.attributes) {
      text += cut(indent + "  @" + attribute + " = " + value);
    }
  }
  return text;
}

}  // namespace nn::h5
