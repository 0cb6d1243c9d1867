"""A tiny parser for INI-like configuration files.

The format is the one most people already guess when they see it::

    # comments start with a hash or a semicolon
    name = top-level value

    [server]
    host = localhost
    port = 8080
    debug = yes

Keys before the first section header live in the ``""`` section. Values
are strings until you ask for something else with :meth:`Config.get_int`,
:meth:`Config.get_bool` or :meth:`Config.get_list`.

Design notes:
    - Errors carry the line number. A config error without a line number
      is a scavenger hunt.
    - No interpolation, no includes, no multi-line values. If you need
      those, you have outgrown this module, and that is fine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

COMMENT_PREFIXES = ("#", ";")
TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off"})
ROOT_SECTION = ""


class ConfigError(ValueError):
    """Raised when a config file cannot be parsed or a value is malformed."""

    def __init__(self, message: str, line_number: int | None = None) -> None:
        self.line_number = line_number
        prefix = f"line {line_number}: " if line_number is not None else ""
        super().__init__(prefix + message)


@dataclass
class Config:
    """Parsed configuration: a mapping of section name to key/value pairs."""

    sections: dict[str, dict[str, str]] = field(default_factory=dict)

    def get(self, section: str, key: str, default: str | None = None) -> str | None:
        """Return the raw string value, or ``default`` when it is missing."""
        return self.sections.get(section, {}).get(key, default)

    def require(self, section: str, key: str) -> str:
        """Return the raw string value, raising :class:`ConfigError` if absent."""
        value = self.get(section, key)
        if value is None:
            where = f"[{section}]" if section else "the top level"
            raise ConfigError(f"missing key {key!r} in {where}")
        return value

    def get_int(self, section: str, key: str, default: int = 0) -> int:
        """Return the value as an ``int``; malformed numbers are an error."""
        raw = self.get(section, key)
        if raw is None:
            return default
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"{key!r} is not an integer: {raw!r}") from None

    def get_bool(self, section: str, key: str, default: bool = False) -> bool:
        """Return the value as a ``bool`` using a small, explicit vocabulary."""
        raw = self.get(section, key)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ConfigError(f"{key!r} is not a boolean: {raw!r}")

    def get_list(self, section: str, key: str, *, separator: str = ",") -> list[str]:
        """Split the value on ``separator`` and drop empty items."""
        raw = self.get(section, key, "") or ""
        return [item.strip() for item in raw.split(separator) if item.strip()]


def _strip_comment(line: str) -> str:
    """Remove a whole-line comment. Inline comments are left alone on purpose."""
    stripped = line.strip()
    if stripped.startswith(COMMENT_PREFIXES):
        return ""
    return stripped


def parse(text: str) -> Config:
    """Parse ``text`` into a :class:`Config`.

    Raises:
        ConfigError: On a malformed header, a line without ``=``, an empty
            key, or a key that appears twice in the same section.
    """
    config = Config(sections={ROOT_SECTION: {}})
    current = ROOT_SECTION
    for line_number, raw_line in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw_line)
        if not line:
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                raise ConfigError("section header is missing ']'", line_number)
            current = line[1:-1].strip()
            if not current:
                raise ConfigError("section name is empty", line_number)
            # Note: reopening a section merges into it rather than failing.
            config.sections.setdefault(current, {})
            continue
        key, separator, value = line.partition("=")
        if not separator:
            raise ConfigError(f"expected 'key = value', got {line!r}", line_number)
        key = key.strip().lower()
        if not key:
            raise ConfigError("key is empty", line_number)
        section = config.sections[current]
        if key in section:
            raise ConfigError(f"duplicate key {key!r}", line_number)
        section[key] = value.strip()
    return config


if __name__ == "__main__":
    sample = "name = demo\n[server]\nport = 8080\ndebug = on\n"
    parsed = parse(sample)
    print(parsed.get_int("server", "port"), parsed.get_bool("server", "debug"))
