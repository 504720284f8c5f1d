"""The user's word list as a user edits it: read sorted, replaced, a word added or removed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reviewer.core.checks import lexicon
from reviewer.core.errors import FormatError
from reviewer.core.fileio import atomic_write, read_optional

USER_DICTIONARY_HEADER = "# Words the spelling check accepts, one a line."


def _check_word(word: str) -> str:
    word = word.strip()
    if not word or any(c.isspace() for c in word) or word.startswith("#"):
        raise ValueError(f"not a single word: {word!r}")
    return word


def _target(path: str | None) -> str:
    target = path or lexicon.user_dictionary_path()
    if not target:
        raise ValueError("no user dictionary is configured")
    return target


def user_word_list(path: str | None = None) -> list[str]:
    """The words of the user's dictionary (or of ``path``) as the file holds them, sorted."""
    target = path or lexicon.user_dictionary_path()
    return sorted(set(lexicon.read_word_list(target))) if target else []


def set_user_words(words: Iterable[str], path: str | None = None) -> str:
    """Make the user's dictionary (or ``path``) hold exactly ``words``; returns the file.

    The file is replaced atomically (its folder created on a first start); the comment lines
    at its top are kept. Raises ValueError for an empty word, one with spaces or one starting
    with "#" (read back as a comment), OSError when the file cannot be written. The next
    spelling check sees the new list.
    """
    target = _target(path)
    wanted = sorted({_check_word(w) for w in words})
    try:  # a file that cannot be read is never overwritten: its words would be lost
        data = read_optional(target, 64 * 1024 * 1024, "a word list")
        old = data.decode("utf-8-sig") if data is not None else ""
    except (FormatError, UnicodeDecodeError) as exc:
        raise ValueError(
            f"{target} is not a readable UTF-8 word list, left as it is: {exc}"
        ) from exc
    header = []
    for line in old.splitlines():
        if not line.lstrip().startswith("#"):
            break
        header.append(line)
    text = "\n".join(header or [USER_DICTIONARY_HEADER]) + "\n" + "".join(w + "\n" for w in wanted)
    Path(target).parent.mkdir(parents=True, exist_ok=True)  # a first start has no folder
    atomic_write(target, text.encode())
    lexicon.user_words_changed(target)
    return target


def add_user_word(word: str, path: str | None = None) -> str:
    """Add ``word`` to the user's dictionary file (created when absent); returns the file.

    Raises ValueError for an empty word or one with spaces, OSError when the file cannot be
    written. The next spelling check sees the word.
    """
    word = _check_word(word)
    target = _target(path)
    words = user_word_list(target)
    if word in words:
        return target
    return set_user_words([*words, word], target)


def remove_user_words(words: Iterable[str], path: str | None = None) -> str:
    """Take ``words`` out of the user's dictionary (or ``path``); returns the file."""
    target = _target(path)
    gone = {w.strip() for w in words}
    return set_user_words([w for w in user_word_list(target) if w not in gone], target)
