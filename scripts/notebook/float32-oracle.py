"""PyTorch's float32 results, bit for bit, for the kernel test (float32-kernels.test.ts).

Reads JSON from stdin: {"ops": [...], "bits": [int32 bit patterns of float32 inputs]}. For every op it
runs the inputs three ways, because PyTorch's CPU kernels take different paths by layout: as one
contiguous tensor, as 0-dim tensors one by one, and in tensors of 17 elements (one full 16-element
double vector and a tail of one). Writes {"op": {"whole": bits, "scalar": bits, "chunk17": bits}}.
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


def to_bits(t):
    return t.contiguous().view(torch.int32).tolist()


def main():
    job = json.load(sys.stdin)
    x = torch.tensor(job["bits"], dtype=torch.int32).view(torch.float32)
    out = {}
    for name in job["ops"]:
        if name in BACKWARD:
            op = lambda t, kernel=BACKWARD[name]: kernel(t.flip(0) if t.dim() else t, t)
        else:
            op = OPS[name]
        whole = to_bits(op(x))
        scalar = [op(v).view(torch.int32).item() for v in x.unbind()]
        chunks = []
        for start in range(0, x.numel(), 17):
            chunks += to_bits(op(x[start : start + 17].clone()))
        out[name] = {"whole": whole, "scalar": scalar, "chunk17": chunks}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
