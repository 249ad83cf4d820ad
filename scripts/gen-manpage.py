#!/usr/bin/env python3
"""Generates the man page docs/avault.1 from the argument-parser definitions of the built
binary (`avault --experimental-dump-help`, offline, no plugin), adding the exit statuses per
command, and the same per-command table in docs/cli.md between its EXIT-STATUS markers.

    swift build --product avault
    python3 scripts/gen-manpage.py .build/debug/avault           # rewrite both files
    python3 scripts/gen-manpage.py .build/debug/avault --check   # exit 1 if either is stale

The texts are the English catalog's (run under LANG=C.UTF-8)."""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAN = os.path.join(ROOT, "docs", "avault.1")
CLI_DOC = os.path.join(ROOT, "docs", "cli.md")
BEGIN, END = "<!-- EXIT-STATUS BEGIN (scripts/gen-manpage.py) -->", "<!-- EXIT-STATUS END -->"

# Statuses every command can end with; then what each command adds (Sources/avault/ExitStatus.swift).
COMMON = [0, 64, 65, 66, 70, 74]
MEANING = {
    0: "success",
    1: "a verification found failures",
    2: "every check passed, but the round is not anchored (no --fingerprint, no pin)",
    64: "the command line was wrong",
    65: "an input file is malformed, altered, or of the wrong kind",
    66: "an input file could not be opened",
    70: "internal error",
    73: "an output could not be created, or already exists",
    74: "reading or writing failed",
    75: "another avault command is using the round folder (try again later)",
    77: "a wrong passphrase, a key or passphrase file others can read, or a key not allowed here",
}
EXTRA = {
    "keygen": [73],
    "key show": [],
    "key check": [77],
    "ceremony begin": [73],
    "ceremony deal": [73, 77],
    "ceremony ack": [73, 77],
    "ceremony finish": [73],
    "round init": [73, 77],
    "round show": [],
    "worksheet": [73],
    "seal": [73, 77],
    "receive": [73, 75, 77],
    "status": [75],
    "survey import": [73, 75, 77],
    "merge": [73, 75, 77],
    "evidence add": [73, 75, 77],
    "extract": [73, 75, 77],
    "release approve": [73, 77],
    "release combine": [73, 75],
    "open": [73],
    "notice open": [73, 77],
    "explain": [73, 77],
    "explanations forward": [73, 75, 77],
    "explanations show": [73, 77],
    "report": [73],
    "verify": [1, 2, 75],
    "demo": [1, 73],
    "pin": [73],
    "receipt check": [],
    "checkpoint": [73, 75, 77],
}
NOTES = {
    "receive": "65 also when any one of the files was rejected (the others are still received).",
    "verify": "0 only when every check passes and the round is anchored.",
    "demo": "1 when the demo round fails its own verification.",
}


def esc(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l if l.startswith((".", "'")) else l) for l in text.split("\n"))


def commands(command, path):
    for sub in command.get("subcommands", []):
        if sub["commandName"] == "help":
            continue
        yield path + [sub["commandName"]], sub
        yield from commands(sub, path + [sub["commandName"]])


def option_label(a):
    names = ", ".join(("-" if n["kind"] == "short" else "--") + n["name"] for n in a.get("names", []))
    if a["kind"] == "positional":
        return "<" + a["valueName"] + ">"
    if a["kind"] == "option":
        names += " <" + a["valueName"] + ">"
    return names


def man(tool):
    root = tool["command"]
    out = [
        '.TH AVAULT 1 "" "avault" "User Commands"',
        ".SH NAME",
        "avault \\- " + esc(root["abstract"]),
        ".SH SYNOPSIS",
        ".B avault",
        ".I command",
        "[\\fIoptions\\fR]",
        ".SH DESCRIPTION",
    ]
    discussion = root.get("discussion", "").split("\n\n")[0]
    out.append(esc(discussion))
    out.append(".PP")
    out.append("Messages are in Vietnamese when LANG (or LC_ALL, LC_MESSAGES) starts with vi, in English otherwise.")
    out.append("Where a command takes \\fB\\-o\\fR \\fIfile\\fR, \\fB\\-o \\-\\fR writes to standard output;")
    out.append("decrypted results are not written to a terminal without \\fB\\-\\-to\\-terminal\\fR,")
    out.append("and binary files never. See docs/cli.md.")
    out.append(".SH COMMANDS")
    for path, c in commands(root, []):
        name = " ".join(path)
        out.append('.SS "avault ' + esc(name) + '"')
        out.append(esc(c.get("abstract", "")))
        args = [a for a in c.get("arguments", []) if a.get("shouldDisplay", True)
                and a.get("valueName") not in ("help", "version")]
        for a in args:
            out.append(".TP")
            out.append("\\fB" + esc(option_label(a)) + "\\fR")
            text = a.get("abstract", "")
            if "defaultValue" in a:
                text += " (default: " + a["defaultValue"] + ")"
            out.append(esc(text))
        if name in EXTRA:
            codes = sorted(set(COMMON + EXTRA[name]))
            out.append(".PP")
            out.append("Exit statuses: " + ", ".join(str(c) for c in codes) + "." + (
                " " + esc(NOTES[name]) if name in NOTES else ""))
    out.append(".SH EXIT STATUS")
    for code, meaning in MEANING.items():
        out.append(".TP")
        out.append("\\fB" + str(code) + "\\fR")
        out.append(esc(meaning))
    out.append(".SH ENVIRONMENT")
    for name, text in [
        ("LANG, LC_ALL, LC_MESSAGES", "vi... for Vietnamese messages, anything else for English."),
        ("AVAULT_LOCK_WAIT", "seconds (0 to 3600) a command waits for the round folder's lock; default 5."),
        ("XDG_STATE_HOME", "where this machine keeps its journal pins (default ~/.local/state)."),
        ("TMPDIR", "where avault demo puts its temporary copy of the built-in samples."),
    ]:
        out.append(".TP")
        out.append("\\fB" + esc(name) + "\\fR")
        out.append(esc(text))
    out.append(".SH SEE ALSO")
    out.append("README.md, docs/cli.md, docs/spec/README.md in the AppraisalVault sources.")
    return "\n".join(out) + "\n"


def table():
    rows = ["| command | exit statuses | notes |", "|---|---|---|"]
    for name, extra in EXTRA.items():
        codes = ", ".join(str(c) for c in sorted(set(COMMON + extra)))
        rows.append(f"| `avault {name}` | {codes} | {NOTES.get(name, '')} |")
    return "\n".join(rows)


def main():
    binary = sys.argv[1]
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8")
    tool = json.loads(subprocess.run([binary, "--experimental-dump-help"], env=env, check=True,
                                     capture_output=True).stdout)
    names = {" ".join(p) for p, c in commands(tool["command"], []) if not c.get("subcommands")}
    missing = names - set(EXTRA)
    if missing:
        sys.exit("gen-manpage: no exit statuses listed for: " + ", ".join(sorted(missing)))
    page = man(tool)
    doc = open(CLI_DOC).read()
    head, rest = doc.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    doc = head + BEGIN + "\n" + table() + "\n" + END + tail
    if "--check" in sys.argv:
        stale = [p for p, t in ((MAN, page), (CLI_DOC, doc)) if not os.path.exists(p) or open(p).read() != t]
        if stale:
            sys.exit("stale: " + ", ".join(stale) + " (run python3 scripts/gen-manpage.py BINARY)")
        return
    open(MAN, "w").write(page)
    open(CLI_DOC, "w").write(doc)


main()
