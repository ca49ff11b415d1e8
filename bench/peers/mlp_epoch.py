#!/usr/bin/python3
"""The classification chapter's training, written with PyTorch, timed like //bench:mlp_epoch.

Same network (784-300-100-10, ReLU, softmax cross-entropy), same optimizer (SGD, lr 0.01, no
momentum), same batches (32 of the 55,000 training images, reshuffled every epoch, gathered by
index into a fresh batch as fit() does), and a running training accuracy as Keras's metric
keeps. One warm-up epoch, then --epochs timed ones; the median counts. It runs once with one
thread and once with two (torch.set_num_threads) and prints each, then the faster as

    pytorch_epoch_seconds 1.234 s

`./book bench --peers` runs it next to ours and prints pytorch_ratio = ours / PyTorch's.
Debian's python3-torch (tools/install-deps.sh installs it).
"""
import argparse
import gzip
import statistics
import sys
import time

import numpy as np
import torch

DATA = "/usr/share/datasets/fashion-mnist"


def read_idx(path, header):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header)


def load(rows):
    """The 55,000 training images after the first 5,000 (held out, as the chapter does)."""
    images = read_idx(f"{DATA}/train-images-idx3-ubyte.gz", 16).reshape(-1, 28, 28)
    labels = read_idx(f"{DATA}/train-labels-idx1-ubyte.gz", 8)
    x = torch.from_numpy(images[5000:5000 + rows].astype(np.float32) / 255.0)  # (rows, 28, 28)
    y = torch.from_numpy(labels[5000:5000 + rows].astype(np.int64))          # (rows,)
    return x, y


def model():
    return torch.nn.Sequential(
        torch.nn.Flatten(),
        torch.nn.Linear(784, 300), torch.nn.ReLU(),
        torch.nn.Linear(300, 100), torch.nn.ReLU(),
        torch.nn.Linear(100, 10))  # logits; CrossEntropyLoss applies the softmax


def epoch(net, loss_fn, optimizer, x, y, generator, batch=32):
    order = torch.randperm(x.shape[0], generator=generator)
    correct = 0
    for first in range(0, x.shape[0], batch):
        index = order[first:first + batch]
        xb, yb = x[index], y[index]  # a gathered copy, as fit() makes
        optimizer.zero_grad(set_to_none=True)
        logits = net(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        correct += int((logits.argmax(1) == yb).sum())
    return correct / x.shape[0]


def timed(threads, x, y, epochs):
    torch.set_num_threads(threads)
    torch.manual_seed(42)
    generator = torch.Generator().manual_seed(1)
    net = model()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01)
    loss_fn = torch.nn.CrossEntropyLoss()
    times, accuracy = [], 0.0
    for e in range(epochs + 1):
        start = time.perf_counter()
        accuracy = epoch(net, loss_fn, optimizer, x, y, generator)
        if e > 0:  # the first is a warm-up
            times.append(time.perf_counter() - start)
    return statistics.median(times), accuracy


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=55000)
    args = parser.parse_args()
    x, y = load(args.rows)
    print(f"# PyTorch {torch.__version__}, {x.shape[0]} training images, "
          f"{args.epochs} timed epochs after a warm-up, median")
    best = None
    for threads in (1, 2):
        seconds, accuracy = timed(threads, x, y, args.epochs)
        print(f"# pytorch, {threads} thread(s): {seconds:.3f} s an epoch, "
              f"training accuracy in the last epoch {accuracy:.4f}")
        best = seconds if best is None else min(best, seconds)
    print(f"pytorch_epoch_seconds {best:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
