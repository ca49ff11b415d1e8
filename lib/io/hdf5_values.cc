#include "lib/io/hdf5_values.h"

#include <algorithm>
#include <cstring>

#include "lib/error.h"

namespace nn::h5 {
namespace {

constexpr std::size_t kAttributeLimit = 64512;     // Keras's HDF5_OBJECT_HEADER_LIMIT
constexpr std::size_t kMaxStringBytes = 1u << 30;  // a gigabyte of names: surely corrupt

std::string dtype_name(hid_t type) {
  const std::size_t bits = H5Tget_size(type) * 8;
  switch (H5Tget_class(type)) {
    case H5T_FLOAT:
      return "float" + std::to_string(bits);
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + std::to_string(bits);
    case H5T_STRING:
      return H5Tis_variable_str(type) > 0 ? "string" : "bytes" + std::to_string(bits / 8);
    default:
      return "other";
  }
}

std::string quoted(const std::string& text, std::size_t keep) {
  if (text.size() <= keep) return "\"" + text + "\"";
  return "\"" + text.substr(0, keep) + "...\" (" + std::to_string(text.size()) + " characters)";
}

}  // namespace

Handle property_list(hid_t kind, herr_t (*set)(hid_t), const std::string& what) {
  Handle list(H5Pcreate(kind), H5Pclose);
  if (list.get() < 0 || set(list.get()) < 0) throw DataError(what + ": " + last_error());
  return list;
}

Handle variable_string_type() {
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (type.get() < 0 || H5Tset_size(type.get(), H5T_VARIABLE) < 0 ||
      H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0) {
    throw Error("HDF5: cannot make a string type");
  }
  return type;
}

std::vector<std::string> read_strings(hid_t attribute) {
  Handle type(H5Aget_type(attribute), H5Tclose);
  Handle space(H5Aget_space(attribute), H5Sclose);
  const hssize_t points =
      type.get() < 0 || space.get() < 0 ? -1 : H5Sget_simple_extent_npoints(space.get());
  if (points < 0 || points > 10'000'000) throw DataError("a damaged attribute");
  const std::size_t n = static_cast<std::size_t>(points);
  if (H5Tget_class(type.get()) != H5T_STRING) {
    if (n == 0) return {};  // Keras writes "no names" as an empty float array
    throw DataError("holds " + dtype_name(type.get()) + " numbers, not text");
  }
  std::vector<std::string> values;
  if (H5Tis_variable_str(type.get()) > 0) {
    Handle memory = variable_string_type();
    if (H5Tset_cset(memory.get(), H5Tget_cset(type.get())) < 0)
      throw DataError("a bad string type");
    std::vector<char*> texts(n, nullptr);
    if (H5Aread(attribute, memory.get(), texts.data()) < 0) throw DataError("cannot be read");
    for (const char* text : texts) values.emplace_back(text != nullptr ? text : "");
    H5Dvlen_reclaim(memory.get(), space.get(), H5P_DEFAULT, texts.data());
    return values;
  }
  const std::size_t size = H5Tget_size(type.get());
  if (size == 0 || size > kMaxStringBytes / std::max<std::size_t>(n, 1)) {
    throw DataError("a damaged string size");
  }
  std::vector<char> bytes(size * n);
  Handle memory(H5Tcopy(type.get()), H5Tclose);
  if (memory.get() < 0) throw DataError("a bad string type");
  if (n > 0 && H5Aread(attribute, memory.get(), bytes.data()) < 0) {
    throw DataError("cannot be read");
  }
  const bool space_padded = H5Tget_strpad(type.get()) == H5T_STR_SPACEPAD;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text(&bytes[i * size], size);
    text.resize(std::min(text.find('\0'), text.size()));
    if (space_padded) text.erase(text.find_last_not_of(' ') + 1);
    values.push_back(std::move(text));
  }
  return values;
}

bool write_strings(hid_t object, const std::string& name, const std::vector<std::string>& values) {
  if (H5Aexists(object, name.c_str()) > 0 && H5Adelete(object, name.c_str()) < 0) return false;
  const hsize_t n = values.size();
  Handle space(H5Screate_simple(1, &n, nullptr), H5Sclose);
  if (values.empty()) {
    Handle attribute(
        H5Acreate2(object, name.c_str(), H5T_IEEE_F64LE, space.get(), H5P_DEFAULT, H5P_DEFAULT),
        H5Aclose);
    const double none = 0.0;
    return attribute.get() >= 0 && H5Awrite(attribute.get(), H5T_NATIVE_DOUBLE, &none) >= 0;
  }
  std::size_t size = 1;
  for (const std::string& value : values) size = std::max(size, value.size());
  Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
  if (H5Tset_size(type.get(), size) < 0 || H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0) {
    return false;
  }
  std::vector<char> bytes(size * values.size(), '\0');
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::memcpy(&bytes[i * size], values[i].data(), values[i].size());
  }
  Handle attribute(
      H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
      H5Aclose);
  return attribute.get() >= 0 && H5Awrite(attribute.get(), type.get(), bytes.data()) >= 0;
}

std::vector<std::pair<std::string, std::vector<std::string>>> keras_chunks(
    const std::string& name, const std::vector<std::string>& values) {
  std::size_t width = 1;
  for (const std::string& value : values) width = std::max(width, value.size());
  if (width > kAttributeLimit) {
    throw ValueError("a name of " + std::to_string(width) + " bytes is too long for HDF5");
  }
  const std::size_t n = values.size();
  std::size_t chunks = 1;  // numpy.array_split's largest part has ceil(n / chunks) names
  while ((n + chunks - 1) / chunks * width > kAttributeLimit) ++chunks;
  if (chunks == 1) return {{name, values}};
  std::vector<std::pair<std::string, std::vector<std::string>>> parts;
  std::size_t next = 0;
  for (std::size_t k = 0; k < chunks; ++k) {
    const std::size_t size = n / chunks + (k < n % chunks ? 1 : 0);
    parts.push_back(
        {name + std::to_string(k), {values.begin() + next, values.begin() + next + size}});
    next += size;
  }
  return parts;
}

std::string describe_value(hid_t object, bool is_dataset) {
  Handle type(is_dataset ? H5Dget_type(object) : H5Aget_type(object), H5Tclose);
  Handle space(is_dataset ? H5Dget_space(object) : H5Aget_space(object), H5Sclose);
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (type.get() < 0 || rank < 0 || rank > 8) return "(damaged)";
  hsize_t dims[8] = {};
  H5Sget_simple_extent_dims(space.get(), dims, nullptr);
  std::string shape = "(";
  for (int i = 0; i < rank; ++i) shape += (i > 0 ? ", " : "") + std::to_string(dims[i]);
  shape += rank == 1 ? ",)" : ")";
  if (is_dataset || H5Tget_class(type.get()) != H5T_STRING) {
    return dtype_name(type.get()) + " " + shape;
  }
  const std::vector<std::string> texts = read_strings(object);
  if (rank == 0 && texts.size() == 1) return quoted(texts[0], 40);
  const std::size_t shown = texts.size() > 5 ? 3 : texts.size();  // long lists: 3 and a count
  std::string list = "[";
  for (std::size_t i = 0; i < shown; ++i) list += (i > 0 ? ", " : "") + quoted(texts[i], 40);
  if (shown < texts.size()) list += ", ... (" + std::to_string(texts.size()) + " names)";
  return list + "]";
}

}  // namespace nn::h5
