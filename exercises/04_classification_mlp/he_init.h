#pragma once
/// \file
/// # Exercise 4.8: He initialisation from the fan-in ★★ (20 points)
///
/// Why do the chapter's ReLU networks start from `"he_normal"` or `"he_uniform"` weights?
/// Follow one unit of a layer without bias, \f$z_j = \sum_{i=1}^{n} h_i W_{ij}\f$, with
/// \f$n\f$ inputs (the *fan-in*) and independent weights of mean 0 and variance
/// \f$\sigma^2\f$: \f$\mathrm{E}[z_j^2] = n \sigma^2 \mathrm{E}[h_i^2]\f$. A ReLU keeps the
/// positive half of a symmetric \f$z\f$, so \f$\mathrm{E}[\mathrm{relu}(z)^2] =
/// \mathrm{E}[z^2] / 2\f$. From one layer to the next the mean square of the activations is
/// therefore multiplied by \f$n \sigma^2 / 2\f$: it stays put when
///
/// \f[ \sigma^2 = \frac{2}{n_\text{in}} \quad \text{(He et al., 2015)}, \f]
///
/// and with the older \f$\sigma^2 = 1 / n_\text{in}\f$ it halves at every layer: after 20
/// layers the signal (and the gradient on its way back) is a thousandth of what it was.
///
/// Write
/// - `he_stddev(fan_in)`: \f$\sqrt{2 / n_\text{in}}\f$;
/// - `he_uniform_limit(fan_in)`: the \f$\ell\f$ for which the uniform distribution on
///   \f$[-\ell, \ell]\f$, whose variance is \f$\ell^2 / 3\f$, has He's variance;
/// - `he_uniform(fan_in, fan_out, rng)`: a (fan_in, fan_out) kernel filled in row-major
///   order with `rng.uniform(-limit, limit)`, one call per entry;
/// - `activation_rms(x, kernels)`: \f$h_0 = x\f$, \f$h_{l} = \mathrm{relu}(h_{l-1} W_l)\f$
///   (no bias) through the kernels in order, returning the root mean square of every
///   \f$h_l\f$ (over all its entries), one per kernel. Throw `nn::ShapeError` when a kernel
///   does not fit its input, and `std::invalid_argument` for a fan-in of 0.

#include <stdexcept>
#include <vector>

#include "lib/error.h"
#include "lib/random.h"
#include "lib/tensor.h"

namespace exercises {

/// √(2 / fan_in).
double he_stddev(std::size_t fan_in);

/// The limit ℓ of He's uniform distribution on [−ℓ, ℓ].
double he_uniform_limit(std::size_t fan_in);

/// A (fan_in, fan_out) kernel of draws rng.uniform(−ℓ, ℓ), row-major.
nn::Tensor he_uniform(std::size_t fan_in, std::size_t fan_out, nn::Rng& rng);

/// The root mean square of relu(h W) after each kernel, starting from h = x.
std::vector<double> activation_rms(const nn::Tensor& x, const std::vector<nn::Tensor>& kernels);

}  // namespace exercises
