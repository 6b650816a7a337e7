"""Issue 7: every module of the package stays short enough to read in one sitting."""

from tests.conftest import ROOT

MAX_LINES = 300


def test_no_module_is_over_300_lines():
    modules = sorted((ROOT / "logreg_gui").rglob("*.py"))
    assert len(modules) > 50
    long = {str(path.relative_to(ROOT)): n for path in modules
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
