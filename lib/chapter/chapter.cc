#include "lib/chapter/chapter.h"

#include <ctime>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <streambuf>

#include "lib/atomic_file.h"
#include "lib/error.h"

namespace nn::chapter {

// A stream buffer that copies every character to stdout and to the open section file.
class Context::Tee : public std::streambuf {
 public:
  explicit Tee(std::ofstream& file) : file_(file) {}

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    std::cout.put(static_cast<char>(c));
    if (file_.is_open()) file_.put(static_cast<char>(c));
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    std::cout.write(s, n);
    if (file_.is_open()) file_.write(s, n);
    return n;
  }
  int sync() override {
    std::cout.flush();
    if (file_.is_open()) file_.flush();
    return 0;
  }

 private:
  std::ofstream& file_;
};

Context::Context(const Spec& spec, Args args)
    : spec_(spec),
      args_(std::move(args)),
      tee_(std::make_unique<Tee>(section_file_)),
      stream_(std::make_unique<std::ostream>(tee_.get())),
      start_(std::chrono::steady_clock::now()) {
  std::error_code error;
  std::filesystem::create_directories(args_.out_dir, error);
  if (error) throw Error("cannot create output folder " + args_.out_dir + ": " + error.message());
}

Context::~Context() = default;

const std::string& Context::option(const std::string& name) const {
  const auto found = args_.options.find(name);
  if (found == args_.options.end()) throw ValueError("chapter has no option --" + name);
  return found->second;
}

std::ostream& Context::section(const std::string& name, const std::string& heading) {
  if (name.empty() ||
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos) {
    throw ValueError("section name '" + name + "' must be lowercase letters, digits and '_'");
  }
  for (const std::string& seen : sections_) {
    if (seen == name) throw ValueError("section '" + name + "' printed twice");
  }
  stream_->flush();
  if (section_file_.is_open()) section_file_.close();
  // Each section starts with default formatting, whatever the last one set.
  stream_->copyfmt(std::ios(nullptr));
  sections_.push_back(name);
  std::cout << "\n== " << heading << " ==\n\n";
  section_file_.open(args_.out_dir + "/" + name + ".txt", std::ios::trunc);
  if (!section_file_) throw Error("cannot write " + args_.out_dir + "/" + name + ".txt");
  return *stream_;
}

std::ostream& Context::out() { return *stream_; }

void Context::result(const std::string& key, nlohmann::json value) {
  results_[key] = std::move(value);
}

std::string Context::figure(const std::string& file_name) {
  figures_.push_back(file_name);
  return args_.out_dir + "/" + file_name;
}

void Context::finish() {
  stream_->flush();
  if (section_file_.is_open()) section_file_.close();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  char date[32];
  const std::time_t now = std::time(nullptr);
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));

  write_file_atomically(args_.out_dir + "/results.json", results_.dump(2) + "\n");
  const nlohmann::json run_info = {
      {"chapter", spec_.id},   {"title", spec_.title}, {"mode", quick() ? "quick" : "full"},
      {"seed", args_.seed},    {"date", date},         {"seconds", seconds},
      {"sections", sections_}, {"figures", figures_}};
  write_file_atomically(args_.out_dir + "/run.json", run_info.dump(2) + "\n");
  std::cout << "\nresults: " << args_.out_dir << "/results.json (run took " << std::fixed
            << std::setprecision(1) << seconds << " s)\n";
}

int run(int argc, char** argv, const Spec& spec, const std::function<void(Context&)>& body) {
  const std::string program = spec.id;
  Args args;
  try {
    args = parse_args(spec, argc, argv);
  } catch (const Error& error) {
    std::cerr << program << ": " << error.what() << "\n\n" << usage(spec, program);
    return 2;
  }
  if (args.help) {
    std::cout << usage(spec, program);
    return 0;
  }
  // Under `bazel run` the program starts in its runfiles; put relative outputs where the
  // reader typed the command.
  if (const char* where = std::getenv("BUILD_WORKING_DIRECTORY");
      where != nullptr && !std::filesystem::path(args.out_dir).is_absolute()) {
    args.out_dir = std::string(where) + "/" + args.out_dir;
  }
  try {
    Context context(spec, args);
    body(context);
    context.finish();
    return 0;
  } catch (const Error& error) {
    std::cout.flush();
    std::cerr << program << ": error: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cout.flush();
    std::cerr << program << ": internal error (please report it): " << error.what() << "\n";
    return 1;
  }
}

}  // namespace nn::chapter
