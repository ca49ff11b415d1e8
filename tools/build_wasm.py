#!/usr/bin/python3
"""Builds the Playground: the book's library compiled to WebAssembly, and the page around it.

    tools/build_wasm.py --out docs/html     # playground.html and what it loads, into docs/html

The library is compiled from the same source files as the native build (SOURCES below), with
Debian's emscripten (em++ 3.1.6) instead of g++: no OpenBLAS (NN_NO_BLAS: nn::gemm's portable
loops), one thread (NN_NO_THREADS), WebAssembly SIMD. Objects are kept in out/wasm/ and only
rebuilt when a source, a header it includes or the flags change, so a second run takes a
second. A missing source shows as an undefined symbol at the link, which fails the build.

What lands in --out:
  playground.html, .css, .js, _draw.js              the page (web/playground/)
  playground.wasm                                    the library and web/playground/api.cc
  playground_worker.js                               emscripten's loader + worker.js, wrapped in
                                                     one function the page starts as a Worker
  playground_wasm_inline.js                          the same .wasm as base64, for file:// pages
                                                     (browsers refuse fetch() there)
"""
import argparse
import base64
import concurrent.futures
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "out" / "wasm"

# What the module is made of, from the workspace root: a folder means its .cc files (not its
# subfolders, not *_test.cc); a file means itself. Keep it in step with lib/BUILD's //lib:nn.
SOURCES = [
    "lib",  # the tape, activations, gemm, initializers, metrics, random numbers, atomic files
    "lib/callbacks",
    "lib/layers",
    "lib/losses",
    "lib/models",
    "lib/optimizers",
    "lib/data/playground.cc",
    "lib/data/scaler.cc",
    "lib/data/split.cc",
    "web/playground/trainer.cc",
    "web/playground/api.cc",
]

# Files of those folders left out, each with the reason. A file the module needs cannot be
# left out unnoticed: its functions would be undefined symbols at the link.
EXCLUDE = {
    # std::to_chars for doubles is missing from emscripten 3.1.6's libc++ (LLVM 14); the
    # Playground writes no CSV log.
    "lib/callbacks/csv_logger.cc",
}

# Header-only libraries, each put on the include path alone: all of /usr/include would shadow
# emscripten's own C library.
SYSTEM_HEADERS = ["xtensor", "xtl", "xsimd", "nlohmann"]

CXXFLAGS = ["-std=c++20", "-O3", "-msimd128", "-fno-trapping-math", "-fexceptions",
            "-DNDEBUG", "-DNN_NO_BLAS", "-DNN_NO_THREADS"]

EXPORTS = ["pg_create", "pg_error", "pg_train", "pg_stats", "pg_surface", "pg_units", "pg_weights",
           "pg_weight_count", "pg_points", "pg_point_count"]

LDFLAGS = ["-O3", "-fexceptions", "-msimd128", "-sMODULARIZE=1",
           "-sEXPORT_NAME=createPlaygroundModule", "-sENVIRONMENT=worker",
           "-sALLOW_MEMORY_GROWTH=1", "-sERROR_ON_UNDEFINED_SYMBOLS=1",
           "-sEXPORTED_FUNCTIONS=" + ",".join("_" + name for name in EXPORTS),
           "-sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString"]

PAGE = ["playground.html", "playground.css", "playground.js", "playground_draw.js"]


def sources():
    files = []
    for entry in SOURCES:
        path = ROOT / entry
        if path.is_dir():
            files += sorted(p for p in path.glob("*.cc") if not p.name.endswith("_test.cc")
                            and str(p.relative_to(ROOT)) not in EXCLUDE)
        elif path.is_file():
            files.append(path)
        else:
            sys.exit(f"build_wasm: {entry} (in SOURCES) does not exist")
    return files


def environment():
    env = dict(os.environ)
    env["NODE_PATH"] = "/usr/share/nodejs"  # emscripten's JS optimizer needs Debian's acorn
    # Debian ships emscripten's system libraries prebuilt (a frozen cache in
    # /usr/share/emscripten/cache); nothing is compiled into it, and it needs no writing.
    return env


def include_dir():
    """A folder holding only the header-only libraries, as links to /usr/include."""
    folder = BUILD / "include"
    folder.mkdir(parents=True, exist_ok=True)
    for name in SYSTEM_HEADERS:
        link, target = folder / name, Path("/usr/include") / name
        if not target.is_dir():
            sys.exit(f"build_wasm: {target} is missing (tools/install-deps.sh installs it)")
        if not link.is_symlink():
            link.symlink_to(target)
    return folder


def stale(target, inputs):
    if not target.exists():
        return True
    built = target.stat().st_mtime
    return any(not Path(i).exists() or Path(i).stat().st_mtime > built for i in inputs)


def dependencies(depfile):
    """The files a Make-style .d file lists (the source and every header)."""
    text = depfile.read_text().replace("\\\n", " ")
    return text.split(":", 1)[1].split() if ":" in text else []


def compile_one(source, flags, env):
    rel = source.relative_to(ROOT)
    obj = BUILD / "obj" / rel.with_suffix(".o")
    dep = obj.with_suffix(".d")
    if not stale(obj, [BUILD / "flags.txt"]) and dep.exists() and not stale(obj, dependencies(dep)):
        return obj, False
    obj.parent.mkdir(parents=True, exist_ok=True)
    command = ["em++", *flags, "-MMD", "-MF", str(dep), "-c", str(source), "-o", str(obj)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        obj.unlink(missing_ok=True)
        raise RuntimeError(f"em++ failed on {rel}:\n{result.stderr[-4000:]}")
    return obj, True


def build_module(env, jobs):
    flags = CXXFLAGS + ["-I", str(ROOT), "-isystem", str(include_dir())]
    BUILD.mkdir(parents=True, exist_ok=True)
    version = em_version(env)
    stamp, link_stamp = BUILD / "flags.txt", BUILD / "link-flags.txt"
    for path, text in ((stamp, " ".join(flags + [version])), (link_stamp, " ".join(LDFLAGS))):
        if not path.exists() or path.read_text() != text:  # a change makes what follows stale
            path.write_text(text)
    files = sources()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda s: compile_one(s, flags, env), files))
    objects = [obj for obj, _ in results]
    compiled = sum(1 for _, fresh in results if fresh)
    module = BUILD / "playground_module.js"
    wasm = BUILD / "playground_module.wasm"
    if compiled or stale(module, objects + [link_stamp]) or not wasm.exists():
        command = ["em++", *LDFLAGS, *map(str, objects), "-o", str(module)]
        result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            module.unlink(missing_ok=True)
            raise RuntimeError(f"the link failed:\n{result.stderr[-4000:]}")
        print(f"build_wasm: compiled {compiled} of {len(files)} files, linked "
              f"{wasm.stat().st_size // 1024} KB of WebAssembly")
    else:
        print(f"build_wasm: up to date ({len(files)} files)")
    return module, wasm


def em_version(env):
    result = subprocess.run(["em++", "--version"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("build_wasm: em++ does not run (tools/install-deps.sh installs emscripten)")
    return result.stdout.splitlines()[0]


def write(path, text):
    """Writes through a temporary file and a rename, so a reader never sees half a file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text)
    temporary.replace(path)


def assemble(module, wasm, out):
    out.mkdir(parents=True, exist_ok=True)
    page = ROOT / "web" / "playground"
    for name in PAGE:
        shutil.copyfile(page / name, out / (name + ".tmp"))
        (out / (name + ".tmp")).replace(out / name)
    shutil.copyfile(wasm, out / "playground.wasm.tmp")
    (out / "playground.wasm.tmp").replace(out / "playground.wasm")
    # The worker: one function the page turns into a Blob and starts (a Worker cannot be
    # started from a file:// URL; from a Blob it can, on a file:// page and a served one).
    worker = ("// Made by tools/build_wasm.py: emscripten's loader, then web/playground/worker.js.\n"
              "function nnPlaygroundWorker() {\n" + module.read_text() + "\n"
              + (page / "worker.js").read_text() + "\n}\n")
    write(out / "playground_worker.js", worker)
    encoded = base64.b64encode(wasm.read_bytes()).decode("ascii")
    write(out / "playground_wasm_inline.js",
          "// Made by tools/build_wasm.py: playground.wasm as base64, for pages opened from "
          "file://.\nself.nnPlaygroundWasmBase64 = \"" + encoded + "\";\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the page")
    parser.add_argument("--jobs", type=int, default=2, help="compilations at once")
    args = parser.parse_args()
    if shutil.which("em++") is None:
        sys.exit("build_wasm: em++ not found (tools/install-deps.sh installs emscripten)")
    env = environment()
    try:
        module, wasm = build_module(env, args.jobs)
    except RuntimeError as error:
        sys.exit(f"build_wasm: {error}")
    assemble(module, wasm, args.out)
    print(f"build_wasm: the Playground is in {args.out / 'playground.html'}")


if __name__ == "__main__":
    main()
