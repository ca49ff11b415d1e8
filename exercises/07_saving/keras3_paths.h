#pragma once
/// \file
/// # Exercise 7.5: where Keras 3 files a layer's weights ★★ (20 points)
///
/// A Keras 3 archive (`model.keras`) is a zip of three members: `metadata.json`,
/// `config.json` (the architecture, with each layer's `class_name` and `name`) and
/// `model.weights.h5`. In that HDF5 file a layer's variables are the datasets
/// `layers/<group>/vars/0`, `vars/1`, ... in the layer's own order (a Dense layer's kernel,
/// then its bias). The surprise is `<group>`: it is **not** the layer's name. Keras 3 makes
/// it from the layer's *class* and its *place among the layers of that class*:
///
/// - the class name in snake case, by Keras's rule (`keras/src/utils/naming.py`): remove
///   every character that is not a letter, digit or `_`; put `_` between any character and
///   an upper-case letter that starts a capitalised word (an upper-case letter followed by
///   one or more lower-case ones); then put `_` between a lower-case letter and an
///   upper-case one; then lower the case. `LeakyReLU` → `leaky_re_lu`, `Conv2D` → `conv2d`
///   (a digit is not a lower-case letter), `Conv2DTranspose` → `conv2d_transpose`;
/// - the first layer of a class gets the bare snake-case name, the second `_1`, the third
///   `_2`, ... counting the layers of that class only, in the model's order;
/// - an `InputLayer` is not one of the model's layers: it has no group and is not counted.
///
/// So a model whose config names its Dense layers `dense_6`, `dense_7`, `dense_8` (the
/// names a notebook gives after a few runs) files their weights under `layers/dense`,
/// `layers/dense_1` and `layers/dense_2`; a reader that looks for `layers/dense_6` finds
/// nothing. With a Dropout between two Dense layers, the second Dense is still `dense_1`.
///
/// Write
/// - `keras_snake_case(class_name)`, the rule above;
/// - `keras3_groups(layers)`: for the config's layers in order, each one's group path
///   (`"layers/dense_1"`), and `""` for an InputLayer;
/// - `keras3_weight_path(layers, name, index)`: the dataset holding variable `index` of the
///   layer called `name` in the config (`"layers/dense_1/vars/0"`). Throw `nn::ValueError`
///   when no layer has that name (the message names it and lists the names there are),
///   when the layer is an InputLayer, and when `index` is negative.

#include <string>
#include <vector>

#include "lib/error.h"

namespace exercises {

/// One entry of config.json's "layers": its "class_name" and its config's "name".
struct ConfigLayer {
  std::string class_name;  ///< "Dense", "Dropout", "LeakyReLU", "InputLayer", ...
  std::string name;        ///< the layer's name: "dense_6"
};

/// Keras 3's snake case of a class name: "LeakyReLU" → "leaky_re_lu".
std::string keras_snake_case(const std::string& class_name);

/// Each layer's group in model.weights.h5, in config order: "layers/<snake>[_N]", "" for an
/// InputLayer.
std::vector<std::string> keras3_groups(const std::vector<ConfigLayer>& layers);

/// The dataset of variable `index` of the layer named `name`: "layers/dense_1/vars/0".
/// Throws nn::ValueError for an unknown name (listing the known ones), an InputLayer, or a
/// negative index.
std::string keras3_weight_path(const std::vector<ConfigLayer>& layers, const std::string& name,
                               int index);

}  // namespace exercises
