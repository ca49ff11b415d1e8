// Fuzz target: nn::model_from_json (lib/io/json_config.h), the architecture in a .h5 file's
// model_config attribute and in Keras's model.to_json(). The HDF5 target reaches this text only
// through HDF5's bytes; here it gets the text itself. Every failure must be an nn::Error, and a
// model that is rebuilt must build and give its config back.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz/fuzz_util.h"
#include "lib/io/json_config.h"

namespace {

// Whether the text holds a whole number above 2^16 anywhere. Such a config may be valid and
// still ask for gigabytes (an input of 10^9 features: Dense refuses only kernels over 2^28
// weights, and several layers under that add up), which libFuzzer's 2.5 GB limit reports as
// a failure. Skipping them keeps the fuzzer on parsing and checking; dense_test covers the
// limit itself.
bool asks_for_large_sizes(const std::string& text) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  bool large = false;
  const auto visit = [&](const auto& self, const nlohmann::json& value) -> void {
    if (value.is_number_integer() && !value.is_number_unsigned()) {
      large = large || value.get<std::int64_t>() > (1 << 16);
    } else if (value.is_number_unsigned()) {
      large = large || value.get<std::uint64_t>() > (1u << 16);
    } else if (value.is_structured()) {
      for (const nlohmann::json& item : value) self(self, item);
    }
  };
  if (!parsed.is_discarded()) visit(visit, parsed);
  return large;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  if (asks_for_large_sizes(text)) return 0;
  nn::fuzz::expect_clean("model_from_json", [&] {
    std::unique_ptr<nn::Model> model = nn::model_from_json(text);
    nn::model_to_json(*model);
  });
  return 0;
}
