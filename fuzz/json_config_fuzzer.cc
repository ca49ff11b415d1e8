// Fuzz target: nn::model_from_json (lib/io/json_config.h), the architecture in a .h5 file's
// model_config attribute and in Keras's model.to_json(). The HDF5 target reaches this text only
// through HDF5's bytes; here it gets the text itself. Every failure must be an nn::Error, and a
// model that is rebuilt must build and give its config back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_util.h"
#include "lib/io/json_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nn::fuzz::expect_clean("model_from_json", [&] {
    std::unique_ptr<nn::Model> model = nn::model_from_json(text);
    nn::model_to_json(*model);
  });
  return 0;
}
