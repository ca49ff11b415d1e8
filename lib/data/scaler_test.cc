#include "lib/data/scaler.h"

#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"

TEST_CASE("StandardScaler learns population means and deviations, per column") {
  const nn::Tensor x = {{1, 10, 5}, {2, 20, 5}, {3, 60, 5}};
  nn::StandardScaler scaler;
  scaler.fit(x);
  // By hand: column 0 has mean 2 and deviation sqrt(2/3) = 0.816497; column 1 has mean 30
  // and deviation sqrt((400 + 100 + 900) / 3) = 21.602469; column 2 is constant: scale 1.
  CHECK(scaler.mean()(0) == Approx(2.0f));
  CHECK(scaler.mean()(1) == Approx(30.0f));
  CHECK(scaler.scale()(0) == Approx(0.816497f));
  CHECK(scaler.scale()(1) == Approx(21.602469f));
  CHECK(scaler.scale()(2) == 1.0f);
  const nn::Tensor z = scaler.transform(x);
  CHECK(z(0, 0) == Approx(-1.224745f));
  CHECK(z(2, 1) == Approx(1.388730f));
  CHECK(z(1, 2) == 0.0f);
  for (std::size_t j = 0; j < 2; ++j) {
    CHECK(xt::mean(xt::col(z, j))() == Approx(0.0f).margin(1e-6));
    CHECK(xt::mean(xt::square(xt::col(z, j)))() == Approx(1.0f));
  }
}

TEST_CASE("the test set is scaled with the training set's statistics, and back") {
  nn::StandardScaler scaler;
  scaler.fit(nn::Tensor{{0, 100}, {2, 300}});  // means (1, 200), scales (1, 100)
  const nn::Tensor test = {{5, 0}};
  const nn::Tensor z = scaler.transform(test);
  CHECK(z(0, 0) == Approx(4.0f));
  CHECK(z(0, 1) == Approx(-2.0f));
  const nn::Tensor back = scaler.inverse_transform(z);
  CHECK(back(0, 0) == Approx(5.0f));
  CHECK(back(0, 1) == Approx(0.0f).margin(1e-5));
}

TEST_CASE("StandardScaler refuses to transform before fit, or the wrong number of columns") {
  nn::StandardScaler scaler;
  CHECK_THROWS_AS(scaler.transform(nn::Tensor{{1, 2}}), nn::ValueError);
  scaler.fit(nn::Tensor{{1, 2}, {3, 4}});
  CHECK_THROWS_WITH(scaler.transform(nn::Tensor{{1, 2, 3}}),
                    Catch::Contains("2 features") && Catch::Contains("(1, 3)"));
  CHECK_THROWS_AS(nn::StandardScaler().fit(nn::Tensor(xt::zeros<float>({0, 3}))), nn::ValueError);
}
