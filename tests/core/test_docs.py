"""Documentation stays complete: every ansinh command is in README and has Vietnamese help."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import get_commands, load_command_class

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
OUR_COMMANDS = sorted((name, app) for name, app in get_commands().items() if app.startswith("ansinh"))


def test_there_are_project_commands() -> None:
    assert {"demo", "plan", "bench", "serve"} <= {name for name, _ in OUR_COMMANDS}


@pytest.mark.parametrize(("name", "app"), OUR_COMMANDS)
def test_every_command_is_listed_in_the_readme(name: str, app: str) -> None:
    assert f"`ansinh {name}" in README


@pytest.mark.parametrize(("name", "app"), OUR_COMMANDS)
def test_every_command_has_vietnamese_help(name: str, app: str) -> None:
    help_text = load_command_class(app, name).help
    assert len(help_text) > 20
    assert any(ch in help_text for ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ")


PARSING = Path(__file__).resolve().parents[2] / "ansinh" / "documents" / "parsing"
ARCHITECTURE = (Path(__file__).resolve().parents[2] / "docs" / "architecture.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("module", sorted(p.stem for p in PARSING.glob("*.py") if p.stem != "__init__"))
def test_every_parser_module_is_in_the_architecture_map(module: str) -> None:
    assert f"| `{module}` |" in ARCHITECTURE
