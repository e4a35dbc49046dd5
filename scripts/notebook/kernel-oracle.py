"""PyTorch's results, bit for bit, for the kernel tests (float32-kernels.test.ts, float64-kernels.test.ts).

Reads JSON from stdin: {"dtype": "float32" | "float64", "ops": [...], "bits": [...]}, the inputs' bit
patterns (int32 numbers for float32, 16-digit hex strings for float64). For every op it runs the inputs
three ways, because PyTorch's CPU kernels take different paths by layout: as one contiguous tensor, as
0-dim tensors one by one, and in tensors of 17 elements (float32: one full 16-element double vector and a
tail of one; float64: two full 8-element blocks and a tail of one). Writes
{"op": {"whole": bits, "scalar": bits, "chunk17": bits}} in the input's format.
"""
import json
import sys

import torch
import torch.nn.functional as F

OPS = {
    "exp": torch.exp,
    "log": torch.log,
    "log1p": torch.log1p,
    "sin": torch.sin,
    "cos": torch.cos,
    "tanh": torch.tanh,
    "atan": torch.atan,
    "sinh": torch.sinh,
    "cosh": torch.cosh,
    "sigmoid": torch.sigmoid,
    "softplus": F.softplus,
    "expm1": torch.expm1,
    "log2": torch.log2,
    "log10": torch.log10,
    "silu": F.silu,
    "erf": torch.erf,
    "tan": torch.tan,
    "asin": torch.asin,
    "acos": torch.acos,
    "pow-0.5": lambda t: t**-0.5,
    "pow3": lambda t: t**3,
    "pow1.5": lambda t: t**1.5,
    "pow-0.7": lambda t: t**-0.7,
    "pow3.3": lambda t: t**3.3,
}

# Fused backward kernels, (grad, x) -> input share; grad is x reversed (x itself when 0-dim).
BACKWARD = {
    "TanhBackward0": lambda g, x: torch.ops.aten.tanh_backward(g, x),
    "SoftplusBackward0": lambda g, x: torch.ops.aten.softplus_backward(g, x, 1, 20),
    "SiluBackward0": lambda g, x: torch.ops.aten.silu_backward(g, x),
    "AsinBackward0": lambda g, x: vjp(torch.asin, g, x),
    "AcosBackward0": lambda g, x: vjp(torch.acos, g, x),
}


def vjp(fn, g, x):
    """What autograd's backward formula for fn gives input x, for the incoming gradient g."""
    x = x.clone().requires_grad_()
    return torch.autograd.grad(fn(x), x, g)[0]


class Float32:
    """float32 inputs and results as int32 bit patterns."""

    @staticmethod
    def read(bits):
        return torch.tensor(bits, dtype=torch.int32).view(torch.float32)

    @staticmethod
    def write(t):
        return t.contiguous().view(torch.int32).reshape(-1).tolist()


class Float64:
    """float64 inputs and results as 16-digit hex strings (JSON numbers cannot hold 64-bit integers)."""

    @staticmethod
    def read(bits):
        ints = [int(h, 16) for h in bits]
        ints = [v - (1 << 64) if v >= 1 << 63 else v for v in ints]
        return torch.tensor(ints, dtype=torch.int64).view(torch.float64)

    @staticmethod
    def write(t):
        ints = t.contiguous().view(torch.int64).reshape(-1).tolist()
        return ["%016x" % (v & 0xFFFFFFFFFFFFFFFF) for v in ints]


def main():
    job = json.load(sys.stdin)
    codec = Float64 if job["dtype"] == "float64" else Float32
    x = codec.read(job["bits"])
    out = {}
    for name in job["ops"]:
        if name in BACKWARD:
            op = lambda t, kernel=BACKWARD[name]: kernel(t.flip(0) if t.dim() else t, t)
        else:
            op = OPS[name]
        whole = codec.write(op(x))
        scalar = [codec.write(op(v))[0] for v in x.unbind()]
        chunks = []
        for start in range(0, x.numel(), 17):
            chunks += codec.write(op(x[start : start + 17].clone()))
        out[name] = {"whole": whole, "scalar": scalar, "chunk17": chunks}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
