#!/usr/bin/env python3
"""The Digits sample's data: scikit-learn's bundled 8x8 digits, scaled to [0, 1], split as train.py splits it.

Run as a script (needs only numpy and scikit-learn: Debian's python3-sklearn) it writes the calibration set that the
int8 item of the sample quantizes with:
  digits-calibration.npy  float32 [256, 1, 8, 8]: the first 256 TRAINING images in the split's order. Calibration
                          must not see the held-out images the sample measures accuracy on.
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


if __name__ == "__main__":
    x_train, _, _, _ = load_split()
    print(f"wrote {write_calibration_set(x_train)}")
