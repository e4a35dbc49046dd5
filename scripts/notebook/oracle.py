"""The differential test's oracle: runs notebooks (lists of cells sharing one namespace) in real PyTorch and
reports, per cell, what it printed, the last line of its traceback, its warnings, the repr Jupyter would echo
and the figures plt.show() drew (as Jupyter's inline backend: show() hands the figure over and closes it).
Reads JSON [{"cells": [...], "echo": bool}] on stdin, writes JSON on stdout. Run with /usr/bin/python3."""
import ast
import contextlib
import io
import json
import sys
import traceback
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

shown = []


def figure_data(fig):
    ax = fig.axes[0] if fig.axes else None
    if ax is None:
        return {"series": [], "xlabel": "", "ylabel": "", "title": "", "legend": False}
    series = []
    for line in ax.get_lines():
        label = line.get_label()
        series.append(
            {
                "x": [float(v) for v in line.get_xdata()],
                "y": [float(v) for v in line.get_ydata()],
                "label": None if label.startswith("_child") else label,
                "color": matplotlib.colors.to_hex(line.get_color()),
            }
        )
    return {
        "series": series,
        "xlabel": ax.get_xlabel(),
        "ylabel": ax.get_ylabel(),
        "title": ax.get_title(),
        "legend": ax.get_legend() is not None,
    }


def show(*args, **kwargs):
    for number in plt.get_fignums():
        shown.append(figure_data(plt.figure(number)))
    plt.close("all")


plt.show = show


def run_cell(source, namespace, echo):
    out = io.StringIO()
    result = {"stdout": "", "error": None, "warnings": [], "echo": None, "figures": []}
    shown.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        try:
            with contextlib.redirect_stdout(out):
                tree = ast.parse(source)
                last = tree.body[-1] if echo and tree.body and isinstance(tree.body[-1], ast.Expr) else None
                body = tree.body[:-1] if last is not None else tree.body
                exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), namespace)
                if last is not None:
                    value = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
                    if value is not None:
                        result["echo"] = repr(value)
        except BaseException as error:  # the cell's own error is the observation
            result["error"] = traceback.format_exception_only(type(error), error)[-1].rstrip("\n")
        if echo and plt.get_fignums():
            show()
    result["stdout"] = out.getvalue()
    seen = set()
    for w in caught:
        key = (w.lineno, str(w.message))
        if key not in seen:
            seen.add(key)
            result["warnings"].append(f"{w.category.__name__}: {w.message}")
    result["figures"] = list(shown)
    return result


def main():
    jobs = json.load(sys.stdin)
    answers = []
    for job in jobs:
        torch.set_default_dtype(torch.float32)
        namespace = {"__name__": "__main__"}
        answers.append([run_cell(cell, namespace, job.get("echo", False)) for cell in job["cells"]])
    json.dump(answers, sys.stdout)


main()
