#!/usr/bin/env python3
"""The Digits sample's data: scikit-learn's bundled 8x8 digits, scaled to [0, 1], split as train.py splits it.

Run as a script (needs only numpy and scikit-learn: Debian's python3-sklearn) it writes what the int8 item of the
sample uses at build time:
  digits-calibration.npy   float32 [256, 1, 8, 8]: the first 256 TRAINING images in the split's order. Calibration
                           must not see the held-out images the sample measures accuracy on.
  digits-test-images.npy   float32 [360, 1, 8, 8] and
  digits-test-labels.npy   int64 [360]: the held-out set (the same as digits-test.bin), on which the build compares
                           the int8 graph with the float32 one (SampleInput, SampleLabels).
"""
import pathlib

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 2024
HELD_OUT = 0.2
CALIBRATION_SAMPLES = 256
SAMPLE_DIR = pathlib.Path(__file__).resolve().parent.parent


def load_split():
    """(x_train, x_test, y_train, y_test): images as float32 rows of 64 pixels in [0, 1], labels as int64."""
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)
    y = digits.target.astype(np.int64)
    return train_test_split(x, y, test_size=HELD_OUT, random_state=SEED, stratify=y)


def write_calibration_set(x_train):
    path = SAMPLE_DIR / "digits-calibration.npy"
    np.save(path, x_train[:CALIBRATION_SAMPLES].reshape(-1, 1, 8, 8).astype("<f4"))
    return path


def write_held_out_arrays(x_test, y_test):
    images = SAMPLE_DIR / "digits-test-images.npy"
    labels = SAMPLE_DIR / "digits-test-labels.npy"
    np.save(images, x_test.reshape(-1, 1, 8, 8).astype("<f4"))
    np.save(labels, y_test.astype("<i8"))
    return images, labels


if __name__ == "__main__":
    x_train, x_test, _, y_test = load_split()
    print(f"wrote {write_calibration_set(x_train)}")
    print("wrote {} and {}".format(*write_held_out_arrays(x_test, y_test)))
