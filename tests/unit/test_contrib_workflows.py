"""The workflows `jejak init` writes, and this repository's copies: linted and kept in step."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from jejak.scaffold import _undot, create_archive

ROOT = Path(__file__).parents[2]
SKELETON = ROOT / "scripts" / "jejak" / "skeleton" / "dot-github"
DEMO = ROOT / ".github"
FOLDERS = [SKELETON, DEMO]
WORKFLOWS = ("periksa.yml", "terbitkan.yml", "verifikasi.yml", "kiriman.yml")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


@pytest.mark.parametrize("folder", FOLDERS, ids=["skeleton", "demo"])
def test_workflows_match_the_github_schema(folder: Path) -> None:
    files = sorted(str(p) for p in (folder / "workflows").glob("*.yml"))
    assert len(files) == len(WORKFLOWS)
    run = subprocess.run([_tool("check-jsonschema"), "--builtin-schema",
                          "vendor.github-workflows", *files], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("folder", FOLDERS, ids=["skeleton", "demo"])
def test_issue_forms_match_the_github_schema(folder: Path) -> None:
    files = sorted(str(p) for p in (folder / "ISSUE_TEMPLATE").glob("*.yml"))
    run = subprocess.run([_tool("check-jsonschema"), "--builtin-schema",
                          "vendor.github-issue-forms", *files], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("folder", FOLDERS, ids=["skeleton", "demo"])
def test_zizmor_finds_nothing_even_pedantic(folder: Path) -> None:
    files = sorted(str(p) for p in (folder / "workflows").glob("*.yml"))
    run = subprocess.run([_tool("zizmor"), "--offline", "--persona", "pedantic",
                          "--format", "plain", *files], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No findings" in run.stdout + run.stderr


def _uses(folder: Path) -> list[str]:
    out = []
    for path in (folder / "workflows").glob("*.yml"):
        for job in yaml.safe_load(path.read_text())["jobs"].values():
            out += [step["uses"] for step in job.get("steps", []) if "uses" in step]
    return out


@pytest.mark.parametrize("folder", FOLDERS, ids=["skeleton", "demo"])
def test_actions_are_pinned_to_a_commit_and_checkout_keeps_no_credentials(folder: Path) -> None:
    assert all(re.fullmatch(r"actions/[\w-]+@[0-9a-f]{40}", use) for use in _uses(folder))
    for path in (folder / "workflows").glob("*.yml"):
        data = yaml.safe_load(path.read_text())
        assert data["permissions"] == {}, path.name
        for job in data["jobs"].values():
            assert job["permissions"], path.name
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_pull_request_check_reads_only_and_reports_in_github_format() -> None:
    data = yaml.safe_load((SKELETON / "workflows" / "periksa.yml").read_text())
    assert "pull_request" in data[True]  # PyYAML reads the `on:` key as True
    job = data["jobs"]["periksa"]
    assert job["permissions"] == {"contents": "read"}
    assert any(step.get("run") == "jejak check --format github" for step in job["steps"])


def test_untrusted_issue_text_only_travels_through_the_environment() -> None:
    text = (SKELETON / "workflows" / "kiriman.yml").read_text()
    for job in yaml.safe_load(text)["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step.get("name")
    assert "github.event.label.name == 'siap-arsip'" in text


def test_demo_copies_differ_from_the_skeleton_only_in_how_jejak_is_installed() -> None:
    for path in sorted(SKELETON.rglob("*")):
        if path.is_dir():
            continue
        rel = path.relative_to(SKELETON)
        demo = (DEMO / rel).read_text(encoding="utf-8")
        if rel.name == "CODEOWNERS":
            assert "/content/groups/kkg-mi-parepare/" in demo
            continue
        expected = path.read_text(encoding="utf-8").replace(
            "python -m pip install -r requirements.txt", "python -m pip install -e .")
        assert demo == expected, rel


def test_init_writes_the_dotted_folders(tmp_path: Path) -> None:
    created = create_archive(tmp_path / "arsip", "KKG Uji", "", "id")
    rels = {p.relative_to(tmp_path / "arsip").as_posix() for p in created}
    assert {f".github/workflows/{name}" for name in WORKFLOWS} <= rels
    assert {".github/ISSUE_TEMPLATE/karya.yml", ".github/ISSUE_TEMPLATE/publikasi.yml",
            ".github/pull_request_template.md", ".github/CODEOWNERS", "requirements.txt",
            ".gitignore"} <= rels
    assert not any("dot-" in rel for rel in rels)


@pytest.mark.parametrize("rel, mapped", [
    ("dot-gitignore", ".gitignore"),
    ("dot-github/workflows/periksa.yml", ".github/workflows/periksa.yml"),
    ("docs/dot-pages/x.md", "docs/.pages/x.md"),
    ("mkdocs.yml", "mkdocs.yml"),
])
def test_undot(rel: str, mapped: str) -> None:
    assert _undot(rel) == mapped


def test_reviewer_checklist_names_consent_license_and_personal_data() -> None:
    text = (SKELETON / "pull_request_template.md").read_text(encoding="utf-8")
    for word in ("**Persetujuan.**", "**Lisensi.**", "**Tanpa data pribadi.**"):
        assert word in text


def test_codeowners_template_gives_configuration_to_administrators() -> None:
    demo = (DEMO / "CODEOWNERS").read_text(encoding="utf-8")
    owners = dict(line.split() for line in demo.splitlines() if line and not line.startswith("#"))
    for path in ("/mkdocs.yml", "/overrides/", "/.github/"):
        assert owners[path] == "@jejak-demo/pengelola-arsip"
    groups = sorted(p.name for p in (ROOT / "content" / "groups").iterdir() if p.is_dir())
    for group in groups:
        assert owners[f"/content/groups/{group}/"] == f"@jejak-demo/pengurus-{group}"
        assert owners[f"/archive/groups/{group}/"] == f"@jejak-demo/pengurus-{group}"


def test_scheduled_verify_mirrors_the_deployed_manifest(tmp_path: Path, monkeypatch) -> None:
    import hashlib
    import io
    import urllib.request

    from jejak.verify import verify_site

    deployed = {"data/manifest-sha256.txt": None, "arsip/kkg/modul ajar.pdf": b"%PDF-1.4 x",
                "index.html": b"<html></html>"}
    lines = [f"{hashlib.sha256(v).hexdigest()}  {k}" for k, v in deployed.items() if v]
    deployed["data/manifest-sha256.txt"] = ("\n".join(lines) + "\n").encode()
    served: list[str] = []

    def urlopen(url: str, timeout: int = 0):
        served.append(url)
        rel = urllib.parse.unquote(url.removeprefix("https://kkg.example.id/"))
        return io.BytesIO(deployed[rel])

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_url: https://kkg.example.id/\n")
    step = yaml.safe_load((SKELETON / "workflows" / "verifikasi.yml").read_text())
    steps = step["jobs"]["verifikasi"]["steps"]
    run = next(s["run"] for s in steps if "<<'PY'" in s.get("run", ""))
    exec(run.split("<<'PY'\n", 1)[1].rsplit("PY", 1)[0], {"__name__": "__main__"})
    assert "https://kkg.example.id/arsip/kkg/modul%20ajar.pdf" in served
    assert verify_site(tmp_path / "site").ok
