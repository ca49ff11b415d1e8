#include "lib/data/playground.h"

#include <cmath>

#include "lib/error.h"
#include "lib/random.h"

namespace nn {
namespace {

constexpr float kPi = 3.14159265358979f;

void check_noise(float noise) {
  if (!(noise >= 0.0f && noise <= 1.0f)) {
    throw ValueError("noise must be between 0 and 1, got " + std::to_string(noise));
  }
}

// Collects points in drawing order, then shuffles the rows with the generator's Rng.
class Points {
 public:
  explicit Points(std::size_t n) : x_(Tensor::from_shape({n, 2})), y_(Labels::from_shape({n})) {}
  void add(float a, float b, int label) {
    x_(count_, 0) = a;
    x_(count_, 1) = b;
    y_(count_) = label;
    ++count_;
  }
  PlaygroundData shuffled(Rng& rng) const {
    const std::vector<std::size_t> order = rng.permutation(count_);
    PlaygroundData data{Tensor::from_shape({count_, 2}), Labels::from_shape({count_})};
    for (std::size_t i = 0; i < count_; ++i) {
      data.x(i, 0) = x_(order[i], 0);
      data.x(i, 1) = x_(order[i], 1);
      data.y(i) = y_(order[i]);
    }
    return data;
  }

 private:
  Tensor x_;  // (n, 2)
  Labels y_;  // (n,)
  std::size_t count_ = 0;
};

// Label 1 gets the larger half of an odd n.
std::size_t ones(std::size_t n) { return (n + 1) / 2; }

}  // namespace

PlaygroundData make_circle(std::size_t n, float noise, std::uint64_t seed) {
  check_noise(noise);
  const float radius = 5.0f;
  Rng rng(seed);
  Points points(n);
  for (std::size_t i = 0; i < n; ++i) {
    // 1s are drawn in the disc r < 2.5, 0s in the ring 3.5 <= r < 5.
    const bool inside = i < ones(n);
    const float r = inside ? rng.uniform(0.0f, 0.5f * radius) : rng.uniform(0.7f * radius, radius);
    const float angle = rng.uniform(0.0f, 2.0f * kPi);
    const float a = r * std::sin(angle), b = r * std::cos(angle);
    // The label is read at a jittered copy of the point: noise flips labels near the edge.
    const float ja = a + rng.uniform(-radius, radius) * noise;
    const float jb = b + rng.uniform(-radius, radius) * noise;
    points.add(a, b, std::sqrt(ja * ja + jb * jb) < 0.5f * radius ? 1 : 0);
  }
  return points.shuffled(rng);
}

PlaygroundData make_xor(std::size_t n, float noise, std::uint64_t seed) {
  check_noise(noise);
  const float padding = 0.3f;  // keeps points off the axes, so the quadrants are apart
  Rng rng(seed);
  Points points(n);
  for (std::size_t i = 0; i < n; ++i) {
    float a = rng.uniform(-5.0f, 5.0f);
    a += a > 0.0f ? padding : -padding;
    float b = rng.uniform(-5.0f, 5.0f);
    b += b > 0.0f ? padding : -padding;
    const float ja = a + rng.uniform(-5.0f, 5.0f) * noise;
    const float jb = b + rng.uniform(-5.0f, 5.0f) * noise;
    points.add(a, b, ja * jb >= 0.0f ? 1 : 0);
  }
  return points.shuffled(rng);
}

PlaygroundData make_gaussians(std::size_t n, float noise, std::uint64_t seed) {
  check_noise(noise);
  const float variance = 0.5f + 7.0f * noise;  // 0.5 at noise 0, 4 at noise 0.5
  const float stddev = std::sqrt(variance);
  Rng rng(seed);
  Points points(n);
  for (std::size_t i = 0; i < n; ++i) {
    const float center = i < ones(n) ? 2.0f : -2.0f;  // 1s at (2, 2), 0s at (-2, -2)
    const float a = rng.normal(center, stddev);
    const float b = rng.normal(center, stddev);
    points.add(a, b, center > 0.0f ? 1 : 0);
  }
  return points.shuffled(rng);
}

PlaygroundData make_spirals(std::size_t n, float noise, std::uint64_t seed) {
  check_noise(noise);
  Rng rng(seed);
  Points points(n);
  for (int label : {1, 0}) {
    // Point i of m walks out from the centre to radius 5 while turning 1.75 times; the 0s
    // are the same spiral turned by half a turn.
    const std::size_t m = label == 1 ? ones(n) : n - ones(n);
    const float turn = label == 1 ? 0.0f : kPi;
    for (std::size_t i = 0; i < m; ++i) {
      const float progress = static_cast<float>(i) / static_cast<float>(m);
      const float r = 5.0f * progress;
      const float t = 1.75f * 2.0f * kPi * progress + turn;
      const float a = r * std::sin(t) + rng.uniform(-1.0f, 1.0f) * noise;
      const float b = r * std::cos(t) + rng.uniform(-1.0f, 1.0f) * noise;
      points.add(a, b, label);
    }
  }
  return points.shuffled(rng);
}

std::vector<std::string> playground_names() { return {"circle", "xor", "gauss", "spiral"}; }

PlaygroundData make_playground(const std::string& name, std::size_t n, float noise,
                               std::uint64_t seed) {
  if (name == "circle") return make_circle(n, noise, seed);
  if (name == "xor") return make_xor(n, noise, seed);
  if (name == "gauss") return make_gaussians(n, noise, seed);
  if (name == "spiral") return make_spirals(n, noise, seed);
  throw ValueError("no playground data set '" + name + "' (known: circle, xor, gauss, spiral)");
}

}  // namespace nn
