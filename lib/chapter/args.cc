#include "lib/chapter/args.h"

#include <cstdlib>
#include <sstream>

#include "lib/error.h"

namespace nn::chapter {
namespace {

const Option* find_option(const Spec& spec, const std::string& name) {
  for (const Option& option : spec.options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

std::uint64_t parse_seed(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    throw ValueError("--seed needs a non-negative integer, got '" + text + "'");
  }
  return std::strtoull(text.c_str(), nullptr, 10);
}

}  // namespace

std::string usage(const Spec& spec, const std::string& program) {
  std::ostringstream text;
  text << "usage: " << program << " [--quick] [--out DIR] [--seed N]";
  for (const Option& option : spec.options) text << " [--" << option.name << " VALUE]";
  text << "\n\n"
       << spec.title << "\n\n"
       << "  --quick        a small, fast run (for tests and CI)\n"
       << "  --out DIR      where results.json, printed sections and figures go (default out/"
       << spec.id << ")\n"
       << "  --seed N       the seed every random choice derives from (default 42)\n"
       << "  --help         this text\n";
  for (const Option& option : spec.options) {
    text << "  --" << option.name << " VALUE  " << option.help << " (default "
         << (option.default_value.empty() ? "none" : option.default_value) << ")\n";
  }
  return text.str();
}

Args parse_args(const Spec& spec, int argc, const char* const* argv) {
  Args args;
  args.out_dir = "out/" + spec.id;
  for (const Option& option : spec.options) args.options[option.name] = option.default_value;

  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    std::string value;
    bool has_value = false;
    if (const auto equals = flag.find('=');
        flag.rfind("--", 0) == 0 && equals != std::string::npos) {
      value = flag.substr(equals + 1);
      flag = flag.substr(0, equals);
      has_value = true;
    }
    // Takes the flag's value from "--flag=value" or from the next argument.
    auto take_value = [&]() -> std::string {
      if (has_value) return value;
      if (i + 1 >= argc) throw ValueError(flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--quick" && !has_value) {
      args.quick = true;
    } else if ((flag == "--help" || flag == "-h") && !has_value) {
      args.help = true;
    } else if (flag == "--out") {
      args.out_dir = take_value();
    } else if (flag == "--seed") {
      args.seed = parse_seed(take_value());
    } else if (flag.rfind("--", 0) == 0 && find_option(spec, flag.substr(2)) != nullptr) {
      args.options[flag.substr(2)] = take_value();
    } else {
      throw ValueError("unknown flag '" + std::string(argv[i]) + "'");
    }
  }
  return args;
}

}  // namespace nn::chapter
