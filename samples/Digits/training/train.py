#!/usr/bin/env python3
"""Trains the Digits sample's CNN and writes the files the sample commits.

Data: scikit-learn's bundled 8x8 handwritten digits (1797 images, pixels 0..16), scaled to [0, 1] by pixel / 16.
A stratified 20 % of them is held out; the network never sees it during training.

Outputs (next to this script's parent folder, i.e. samples/Digits/):
  digits.onnx              opset 13, input `image` float32 [1, 1, 8, 8], output `logits` float32 [1, 10]
  digits-test.bin          the held-out set in the format below
  digits-calibration.npy, digits-test-images.npy, digits-test-labels.npy: see dataset.py, which also writes them alone

digits-test.bin, all little-endian:
  8 bytes   ASCII "AIDGDIG1"
  int32     sample count N
  N times:  64 float32 (the image row by row, already scaled to [0, 1]), then 1 byte: the label 0..9

Run with Debian's packages (python3-torch, python3-sklearn): /usr/bin/python3 samples/Digits/training/train.py
The run is deterministic on one CPU thread: the seed fixes the split, the initial weights and the batch order.
"""
import struct

import numpy as np
import torch
from torch import nn

from dataset import SAMPLE_DIR, SEED, load_split, write_calibration_set, write_held_out_arrays

EPOCHS = 60
BATCH = 32
MAGIC = b"AIDGDIG1"


class DigitsNet(nn.Module):
    """Two 3x3 conv blocks at full 8x8 resolution, one 2x2 max pool, then a linear classifier."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1, bias=False), nn.BatchNorm2d(32), nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Linear(32 * 4 * 4, 10)

    def forward(self, image):
        return self.classifier(torch.flatten(self.features(image), 1))


def shifted(images, generator):
    """Light augmentation: the batch moved by up to one pixel in each direction (zeros shifted in)."""
    padded = nn.functional.pad(images, (1, 1, 1, 1))
    dy, dx = torch.randint(0, 3, (2,), generator=generator).tolist()
    return padded[:, :, dy:dy + 8, dx:dx + 8]


def accuracy(model, images, labels):
    with torch.no_grad():
        return (model(images).argmax(1) == labels).float().mean().item()


def write_test_set(path, images, labels):
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<i", len(labels)))
        for image, label in zip(images, labels):
            f.write(np.asarray(image, dtype="<f4").tobytes())
            f.write(struct.pack("<B", int(label)))


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    x_train, x_test, y_train, y_test = load_split()
    train_images = torch.from_numpy(x_train).reshape(-1, 1, 8, 8)
    train_labels = torch.from_numpy(y_train)
    test_images = torch.from_numpy(x_test).reshape(-1, 1, 8, 8)
    test_labels = torch.from_numpy(y_test)

    model = DigitsNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3, weight_decay=1e-4)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, EPOCHS)
    loss_fn = nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(SEED)
    for epoch in range(EPOCHS):
        model.train()
        order = torch.randperm(len(train_labels), generator=generator)
        for start in range(0, len(order), BATCH):
            batch = order[start:start + BATCH]
            optimizer.zero_grad()
            loss = loss_fn(model(shifted(train_images[batch], generator)), train_labels[batch])
            loss.backward()
            optimizer.step()
        schedule.step()
        if (epoch + 1) % 10 == 0:
            model.eval()
            print(f"epoch {epoch + 1}: loss {loss.item():.4f}, "
                  f"train accuracy {accuracy(model, train_images, train_labels):.4f}")

    model.eval()
    held_out = accuracy(model, test_images, test_labels)
    correct = round(held_out * len(test_labels))
    print(f"held-out accuracy (PyTorch): {held_out:.4f} ({correct}/{len(test_labels)})")

    torch.onnx.export(
        model, torch.zeros(1, 1, 8, 8), SAMPLE_DIR / "digits.onnx",
        input_names=["image"], output_names=["logits"], opset_version=13, do_constant_folding=True)
    write_test_set(SAMPLE_DIR / "digits-test.bin", x_test, y_test)
    write_calibration_set(x_train)
    write_held_out_arrays(x_test, y_test)
    print(f"wrote {SAMPLE_DIR / 'digits.onnx'} and {SAMPLE_DIR / 'digits-test.bin'} ({len(y_test)} samples)")


if __name__ == "__main__":
    main()
