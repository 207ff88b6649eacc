"""Runs the workbook's notebooks through the RnnWorkbook Jupyter kernel with nbclient, the client
nbconvert and papermill use, and checks each code cell's output types against the headless runner's
executed copy of the same notebook.

usage: /usr/bin/python3 run_with_nbclient.py NOTEBOOKS_DIR RUNNER_OUTPUT_DIR NBCLIENT_OUTPUT_DIR

JUPYTER_PATH must lead to a kernelspec named ".net-csharp". Consecutive stream outputs of the same name
count as one (the runner merges them; nbclient keeps each message). Exit codes: 0 all match, 1 a
mismatch or a failed cell, 3 nbclient is not installed.
"""
import glob
import os
import sys

try:
    import nbclient
    import nbformat
except ImportError as error:
    print(f"nbclient is not available: {error}")
    sys.exit(3)

KERNEL_NAME = ".net-csharp"


def output_types(cell):
    types = []
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            kind = f"stream:{output['name']}"
            if types and types[-1] == kind:
                continue
        types.append(kind)
    return types


def check(path, runner_dir, out_dir):
    name = os.path.basename(path)
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, kernel_name=KERNEL_NAME, timeout=600, startup_timeout=60,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    client.execute()
    nbformat.write(notebook, os.path.join(out_dir, name))

    problems = []
    language = notebook.metadata.get("language_info", {}).get("name")
    if language != "C#":
        problems.append(f"{name}: language_info.name is {language!r}, expected 'C#'")
    runner = nbformat.read(os.path.join(runner_dir, name), as_version=4)
    if len(runner.cells) != len(notebook.cells):
        problems.append(f"{name}: {len(notebook.cells)} cells, the runner's copy has {len(runner.cells)}")
    code_cells = 0
    for index, (ours, theirs) in enumerate(zip(notebook.cells, runner.cells)):
        if ours.cell_type != "code":
            continue
        code_cells += 1
        if output_types(ours) != output_types(theirs):
            problems.append(f"{name}, cell {index + 1}: kernel {output_types(ours)} but runner {output_types(theirs)}")
        if ours.execution_count != theirs.execution_count:
            problems.append(f"{name}, cell {index + 1}: execution_count {ours.execution_count} but runner {theirs.execution_count}")
    print(f"{name}: {code_cells} code cells executed through the kernel")
    return problems


def main():
    notebooks_dir, runner_dir, out_dir = sys.argv[1:4]
    os.makedirs(out_dir, exist_ok=True)
    paths = sorted(glob.glob(os.path.join(notebooks_dir, "*.ipynb")))
    if not paths:
        print(f"no notebooks in {notebooks_dir}")
        return 1
    problems = []
    for path in paths:
        try:
            problems += check(path, runner_dir, out_dir)
        except Exception as error:  # a failed cell or a kernel that did not start
            problems.append(f"{os.path.basename(path)}: {type(error).__name__}: {error}")
    for problem in problems:
        print(f"MISMATCH {problem}")
    print(f"{len(paths)} notebooks through nbclient, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
