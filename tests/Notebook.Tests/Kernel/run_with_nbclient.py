"""Runs the workbook's notebooks through a Jupyter kernel with nbclient, the client nbconvert and papermill
use, and compares each code cell's output types with the headless runner's executed copy of the notebook.

usage: /usr/bin/python3 run_with_nbclient.py [--engine ours|dotnet-interactive] [--quick FILE] [--only A,B]
                                             NOTEBOOKS_DIR RUNNER_OUTPUT_DIR NBCLIENT_OUTPUT_DIR

JUPYTER_PATH must lead to a kernelspec named ".net-csharp": ours (`notebook kernel install --prefix`) or the
real .NET Interactive's (`dotnet dotnet-interactive jupyter install --path`). The kernel starts in the
notebook's folder, so relative `#r` paths and the repository's local tool manifest resolve.

--quick FILE (notebooks/quick-parameters.json: {"05-rnn.ipynb": {"epochs": "1"}}, values are C# expressions)
inserts a cell tagged "injected-parameters" with the assignments right after the cell tagged "parameters",
as papermill and `notebook run --parameter` do. The runner's copy (a full run) has no such cell; it is
left out of the comparison.

What is compared, per code cell: the sequence of output types (consecutive stream outputs of the same name
count as one: the runner merges them, kernels send one message per write), and no error output in a cell
not tagged "raises-exception". Every cell runs even after a failure, so the report lists every differing
cell of every notebook. Under .NET Interactive, the outputs that kernel adds on its own are not the
notebook's and are left out: the script that locates the kernel's HTTP endpoint (first cell), the
"Installed Packages" list after `#r "nuget: ..."`, "Loading extensions from ..." notices, and stderr text
made only of compiler warnings and notes ("warning CS1701: ...", "(17,19): warning CS8632: ...", "info CS9236: ..."), which that kernel
prints and ours does not.

--phase execute runs the notebooks and writes the kernel's copies only; --phase compare only compares
copies already written (so the kernel can run while the runner's copies are still being made).

Exit codes: 0 all match, 1 a mismatch or a failed cell, 2 bad arguments, 3 nbclient is not installed.
"""
import argparse
import glob
import json
import os
import re
import sys
import time

try:
    import nbclient
    import nbformat
except ImportError as error:
    print(f"nbclient is not available: {error}")
    sys.exit(3)

KERNEL_NAME = ".net-csharp"
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
# `int epochs = 3;`, `string corpus = "all";`, `double rate = 0.5, decay = 0.9;` (first name per line is enough
# for the check below; the engine's NotebookParameters parses the cell with Roslyn).
DECLARATION = re.compile(r"^\s*(const\s+)?[A-Za-z_][\w<>\[\],.? ]*?\s+([A-Za-z_]\w*)\s*(=|;)")


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def declared_parameters(source):
    names = {}
    for line in source.splitlines():
        match = DECLARATION.match(line)
        if match and not line.lstrip().startswith("//"):
            names[match.group(2)] = bool(match.group(1))
    return names


def inject_parameters(notebook, name, values):
    """Inserts the injected-parameters cell; returns a problem sentence, or None."""
    if not values:
        return None
    cells = [i for i, c in enumerate(notebook.cells) if PARAMETERS_TAG in tags(c)]
    if len(cells) != 1 or notebook.cells[cells[0]].cell_type != "code":
        return f"{name}: quick parameters {sorted(values)} given, but the notebook has no (single) code cell tagged '{PARAMETERS_TAG}'"
    index = cells[0]
    declared = declared_parameters(notebook.cells[index].source)
    for key in values:
        if key not in declared:
            return f"{name}: '{key}' is not a parameter of this notebook; its parameters cell declares {', '.join(declared) or 'none'}"
        if declared[key]:
            return f"{name}: '{key}' is declared const, so it cannot be set"
    source = "// Injected parameters\n" + "\n".join(f"{key} = {value.strip()};" for key, value in values.items())
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = [INJECTED_TAG]
    cell.metadata["dotnet_interactive"] = {"language": "csharp"}
    cell.metadata["polyglot_notebook"] = {"kernelName": "csharp"}
    if index + 1 < len(notebook.cells) and INJECTED_TAG in tags(notebook.cells[index + 1]):
        notebook.cells[index + 1] = cell
    else:
        notebook.cells.insert(index + 1, cell)
    return None


def is_dotnet_interactive_bookkeeping(output):
    """Outputs .NET Interactive adds by itself, which no notebook cell asked for."""
    data = output.get("data", {})
    html = data.get("text/html", "")
    text = data.get("text/plain", "")
    return (output["output_type"] == "display_data"
            and ("dotnet-interactive-this-cell" in html
                 or "<strong>Installed Packages</strong>" in html
                 or "Restore sources</strong>" in html
                 or (isinstance(text, str) and text.startswith("Loading extensions from"))))


COMPILER_WARNING = re.compile(r"^\s*(\(\d+,\d+\): )?(warning|info) CS\d{4}: ")


def is_compiler_warnings(output):
    if output["output_type"] != "stream" or output.get("name") != "stderr":
        return False
    lines = [line for line in output.get("text", "").splitlines() if line.strip()]
    return bool(lines) and all(COMPILER_WARNING.match(line) for line in lines)


def outputs_of(cell, engine):
    outputs = cell.get("outputs", [])
    if engine == "dotnet-interactive":
        outputs = [o for o in outputs if not is_dotnet_interactive_bookkeeping(o) and not is_compiler_warnings(o)]
    return outputs


def output_types(outputs):
    types = []
    for output in outputs:
        kind = output["output_type"]
        if kind == "stream":
            kind = f"stream:{output['name']}"
            if types and types[-1] == kind:
                continue
        types.append(kind)
    return types


def error_text(outputs):
    for output in outputs:
        if output["output_type"] == "error":
            return f"{output.get('ename')}: {output.get('evalue', '')}".strip().splitlines()[0][:300]
    return None


def execute(path, out_dir, quick):
    """Runs the notebook through the kernel; returns (problems, seconds)."""
    name = os.path.basename(path)
    notebook = nbformat.read(path, as_version=4)
    problem = inject_parameters(notebook, name, quick.get(name, {}))
    if problem:
        return [problem], 0.0
    started = time.monotonic()
    client = nbclient.NotebookClient(
        notebook, kernel_name=KERNEL_NAME, timeout=600, startup_timeout=120, allow_errors=True,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    nbformat.write(notebook, os.path.join(out_dir, name))
    return [], time.monotonic() - started


def compare(name, runner_dir, out_dir, engine, quick, seconds):
    """Compares the kernel's copy with the runner's; returns the problems."""
    notebook = nbformat.read(os.path.join(out_dir, name), as_version=4)
    problems = []
    language = notebook.metadata.get("language_info", {}).get("name")
    if language != "C#":
        problems.append(f"{name}: language_info.name is {language!r}, expected 'C#'")
    ours = [c for c in notebook.cells if INJECTED_TAG not in tags(c)]
    runner = nbformat.read(os.path.join(runner_dir, name), as_version=4)
    if len(runner.cells) != len(ours):
        problems.append(f"{name}: {len(ours)} cells, the runner's copy has {len(runner.cells)}")
    counts = [c.execution_count for c in notebook.cells if c.cell_type == "code"]
    if counts != list(range(1, len(counts) + 1)):
        problems.append(f"{name}: execution counts {counts} are not 1..{len(counts)}")
    code_cells = failed = differing = 0
    for index, (kernel_cell, runner_cell) in enumerate(zip(ours, runner.cells)):
        if kernel_cell.cell_type != "code":
            continue
        code_cells += 1
        kernel_outputs = outputs_of(kernel_cell, engine)
        expected = output_types(outputs_of(runner_cell, "ours"))
        actual = output_types(kernel_outputs)
        error = error_text(kernel_outputs) if "raises-exception" not in tags(kernel_cell) else None
        if error:
            failed += 1
            problems.append(f"{name}, cell {index + 1}: error {error}")
        if actual != expected:
            differing += 1
            problems.append(f"{name}, cell {index + 1}: {engine} kernel {actual} but runner {expected}")
    status = "completes" if failed == 0 else f"{failed} cells failed"
    timing = f" in {seconds:.1f} s" if seconds else ""
    print(f"{name}: {code_cells} code cells through the {engine} kernel{timing}: {status}, "
          f"{differing} differ from the runner{' (quick parameters)' if quick.get(name) else ''}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["ours", "dotnet-interactive"], default="ours")
    parser.add_argument("--quick", help="quick-parameters.json")
    parser.add_argument("--only", help="comma-separated notebook file names to run (default: all)")
    parser.add_argument("--phase", choices=["execute", "compare", "both"], default="both")
    parser.add_argument("notebooks_dir")
    parser.add_argument("runner_dir")
    parser.add_argument("out_dir")
    args = parser.parse_args()
    quick = {}
    if args.quick and os.path.exists(args.quick):
        with open(args.quick, encoding="utf-8") as file:
            quick = json.load(file)
        if not isinstance(quick, dict) or not all(isinstance(v, dict) for v in quick.values()):
            print(f"{args.quick}: expected {{\"NN-name.ipynb\": {{\"name\": \"C# expression\"}}}}")
            return 2
    os.makedirs(args.out_dir, exist_ok=True)
    paths = sorted(glob.glob(os.path.join(args.notebooks_dir, "*.ipynb")))
    if args.only:
        wanted = set(args.only.split(","))
        paths = [p for p in paths if os.path.basename(p) in wanted]
    if not paths:
        print(f"no notebooks in {args.notebooks_dir}")
        return 1
    problems = []
    for path in paths:
        name = os.path.basename(path)
        try:
            seconds = 0.0
            if args.phase != "compare":
                found, seconds = execute(path, args.out_dir, quick)
                problems += found
                if found:
                    print(f"{name}: not run: {found[0]}")
                    continue
                if args.phase == "execute":
                    print(f"{name}: executed through the {args.engine} kernel in {seconds:.1f} s")
            if args.phase != "execute":
                if not os.path.exists(os.path.join(args.out_dir, name)):
                    problems.append(f"{name}: the kernel's copy is missing (it did not run)")
                    continue
                problems += compare(name, args.runner_dir, args.out_dir, args.engine, quick, seconds)
        except Exception as error:  # a kernel that did not start or died
            problems.append(f"{name}: {type(error).__name__}: {error}")
            print(f"{name}: did not run: {type(error).__name__}: {error}")
        sys.stdout.flush()
    for problem in problems:
        print(f"MISMATCH {problem}")
    print(f"{len(paths)} notebooks through nbclient ({args.engine}), {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
