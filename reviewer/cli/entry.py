"""The reviewer command: its parser over the command modules, and main with its exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewer import __version__
from reviewer.cli import approve, check, exchange, search, stats, verify
from reviewer.cli.common import EXIT_INPUT, EXIT_OK
from reviewer.core.errors import ReviewerError

EPILOG = """\
exit codes:
  0  success: nothing at or above --fail-on was found
  1  check: findings at or above --fail-on; verify: an article would not round-trip;
     import: some units were rejected (the others were imported); search: nothing found;
     replace: a change was refused or held back; consistency: sources translated differently
  2  unreadable input (an article, its .review.yaml sidecar, the config file or a file to
     import) or a usage error; the message on stderr names the file

config: --config FILE, else $REVIEWER_CONFIG, else config.yaml in the user config folder.
See docs/CLI.md for every command with examples.
"""


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--config", metavar="FILE", default=default, help="config file to use (YAML)"
    )
    parser.add_argument(
        "--user", metavar="NAME", default=default, help="reviewer name recorded on changes"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Review machine-translated sxs-lookup Markdown articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    _global_options(parser, suppress=False)
    # The global options are accepted after the command too (reviewer check --user ann ...).
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, help_text: str, description: str = "", paths: bool | str = True
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help_text,
            description=description or help_text,
            parents=[common],
            epilog=EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if paths:
            nargs = "+" if paths is True else paths
            p.add_argument(
                "paths", nargs=nargs, metavar="PATH", help="files or folders (every *.md)"
            )
        return p

    verify.add_commands(add)
    check.add_commands(add)
    exchange.add_commands(add)
    # stats, approve, search, replace, consistency: the project commands.
    stats.add_commands(add)
    approve.add_commands(add)
    search.add_commands(add)

    desktop = sub.add_parser(
        "install-desktop",
        help="Linux: add reviewer to the applications menu and to Open With for .md files",
        description="Install the desktop entry and icon for the current user "
        "($XDG_DATA_HOME/applications, icons/hicolor), pointing at this reviewer-gui.",
    )
    desktop.add_argument("--remove", action="store_true", help="remove them again")
    desktop.set_defaults(func=cmd_install_desktop)
    return parser


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from reviewer import desktop

    if args.remove:
        removed = desktop.remove()
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print("no desktop entry was installed")
        return EXIT_OK
    done = desktop.install()
    print(f"wrote {done.entry}\nwrote {done.icon}\nReviewer now starts {done.command}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help and --version exit 0
        return int(exc.code or 0)
    try:
        result: int = args.func(args)
    except ReviewerError as exc:
        print(f"reviewer: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `reviewer check . | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    return result


if __name__ == "__main__":
    sys.exit(main())
