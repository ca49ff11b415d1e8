#pragma once
/// \file
/// # Exercise 3.6: the output and the loss for a regression task ★ (10 points)
///
/// A conceptual question, answered in code. For each task below, choose the end of the
/// network: the activation of its one output neuron, among `"linear"` (none), `"relu"`,
/// `"softplus"`, `"sigmoid"` and `"tanh"`; the loss, `"mse"` when the labels are clean
/// and `"huber"` when some of them may be badly wrong; and whether the labels must be
/// mapped onto the activation's range before training (`scale_labels`, true only when
/// they are not in that range already).
///
/// 1. `temperature_forecast()`: tomorrow's noon temperature, in degrees Celsius, from
///    careful weather-station measurements. Winter days are below zero.
/// 2. `delivery_time()`: how many minutes a parcel will take to arrive, from a courier's
///    clean records. A time is never negative, and the model must never say it is.
/// 3. `vote_share()`: the share of the votes a candidate will get, a number between 0 and
///    1, from past elections' official results; the prediction must stay between 0 and 1.
/// 4. `steering_angle()`: the angle a self-driving car should turn its wheels, which the
///    mechanism limits to between 30 degrees left and 30 degrees right (given as numbers
///    from -30 to 30), from recordings of careful drivers.
/// 5. `scraped_rent()`: the monthly rent of a flat, from ads collected on the web, where a
///    few prices were typed with a digit too many. A rent is never negative.
///
/// The tests also hand each answer to the library (`nn::Dense(1, activation)` compiled with
/// the loss, a few steps of training), so a name the library does not know fails with its
/// own message.

#include <string>

namespace exercises {

/// The output end of a regression network.
struct RegressionHead {
  std::string activation;     ///< the output neuron's activation, by Keras name
  std::string loss;           ///< "mse" or "huber"
  bool scale_labels = false;  ///< map the labels onto the activation's range first
};

/// Tomorrow's temperature in °C.
RegressionHead temperature_forecast();
/// Minutes until a parcel arrives.
RegressionHead delivery_time();
/// A candidate's share of the votes, in [0, 1].
RegressionHead vote_share();
/// A steering angle in [-30, 30] degrees.
RegressionHead steering_angle();
/// A monthly rent, from ads with a few typos.
RegressionHead scraped_rent();

}  // namespace exercises
