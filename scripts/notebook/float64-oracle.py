"""PyTorch's float64 results, bit for bit, for the kernel test (float64-kernels.test.ts).

Reads JSON from stdin: {"ops": [...], "bits": [hex strings of float64 bit patterns]}. Like
float32-oracle.py, every op runs three ways: as one contiguous tensor, as 0-dim tensors one by one,
and in tensors of 17 elements (two full 8-element double blocks and a tail of one). Writes
{"op": {"whole": hex, "scalar": hex, "chunk17": hex}}.
"""
import json
import sys

import torch

OPS = {
    "exp": torch.exp,
    "tanh": torch.tanh,
    "sin": torch.sin,
    "cos": torch.cos,
    "tan": torch.tan,
    "log": torch.log,
    "log2": torch.log2,
    "log10": torch.log10,
    "log1p": torch.log1p,
    "expm1": torch.expm1,
    "atan": torch.atan,
}

# Fused backward kernels, (grad, x) -> input share; grad is x reversed (x itself when 0-dim).
BACKWARD = {
    "TanhBackward0": lambda g, x: torch.ops.aten.tanh_backward(g, x),
}


def to_hex(t):
    return ["%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in t.contiguous().view(torch.int64).tolist()]


def main():
    job = json.load(sys.stdin)
    ints = [int(h, 16) for h in job["bits"]]
    ints = [v - (1 << 64) if v >= 1 << 63 else v for v in ints]
    x = torch.tensor(ints, dtype=torch.int64).view(torch.float64)
    out = {}
    for name in job["ops"]:
        if name in BACKWARD:
            op = lambda t, kernel=BACKWARD[name]: kernel(t.flip(0) if t.dim() else t, t)
        else:
            op = OPS[name]
        whole = to_hex(op(x))
        scalar = [to_hex(op(v).reshape(1))[0] for v in x.unbind()]
        chunks = []
        for start in range(0, x.numel(), 17):
            chunks += to_hex(op(x[start : start + 17].clone()))
        out[name] = {"whole": whole, "scalar": scalar, "chunk17": chunks}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
