#!/usr/bin/python3
"""Writes compile_commands.json from Bazel's action graph, so clangd and editors understand
the code: every C++ compile action of //..., as Bazel would run it in its execution root."""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    execroot = subprocess.run(["bazel", "info", "execution_root"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    query = subprocess.run(["bazel", "aquery", 'mnemonic("CppCompile", //...)',
                            "--output=jsonproto", "--include_artifacts=false"], cwd=ROOT,
                           capture_output=True, text=True)
    if query.returncode != 0:
        sys.exit(f"compile_commands: bazel aquery failed:\n{query.stderr[-2000:]}")
    entries = []
    for action in json.loads(query.stdout).get("actions", []):
        arguments = action.get("arguments", [])
        if "-c" not in arguments:
            continue
        source = arguments[arguments.index("-c") + 1]
        # Name the file by its place in the workspace, where the editor opens it; includes
        # still resolve from the execution root, which mirrors the workspace.
        in_workspace = ROOT / source
        file = str(in_workspace) if in_workspace.is_file() else source
        entries.append({"directory": execroot, "file": file, "arguments": arguments})
    (ROOT / "compile_commands.json").write_text(json.dumps(entries, indent=1) + "\n")
    print(f"compile_commands: {len(entries)} files")


if __name__ == "__main__":
    main()
