#include "exercises/03_regression_mlp/regression_head.h"

namespace exercises {

// Any real number, clean labels: no activation, the MSE.
RegressionHead temperature_forecast() { return {"linear", "mse", false}; }

// Positive: softplus (smooth, cannot get stuck at 0 as ReLU can).
RegressionHead delivery_time() { return {"softplus", "mse", false}; }

// In [0, 1] already: the logistic output covers exactly that range.
RegressionHead vote_share() { return {"sigmoid", "mse", false}; }

// Symmetric and bounded: tanh, with the angles mapped from [-30, 30] onto [-1, 1].
RegressionHead steering_angle() { return {"tanh", "mse", true}; }

// Positive, and a few labels off by a factor of ten: Huber keeps them from dragging.
RegressionHead scraped_rent() { return {"softplus", "huber", false}; }

}  // namespace exercises
