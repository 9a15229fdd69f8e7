"""`jejak init DIR`: a new archive repository that passes `jejak check` at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from jejak.cli import main
from jejak.config import load_settings


def init(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["init", *map(str, args)])


def check(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["check", str(root), *args])


def test_new_archive_passes_check(tmp_path: Path) -> None:
    target = tmp_path / "kkg-mi-parepare"
    result = init(target, "--name", "KKG MI Kota Parepare",
                  "--site-url", "https://kkg-mi-parepare.example.id/")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Arsip baru dibuat di {target} (")
    for rel in ("mkdocs.yml", "README.md", ".gitignore", "published-ids.txt",
                "content/groups/.gitkeep", "content/people/.gitkeep", "archive/.gitkeep",
                "overrides/.gitkeep"):
        assert (target / rel).is_file(), rel
    assert list((target / ".github" / "workflows").glob("*.yml"))
    checked = check(target)
    assert (checked.exit_code, checked.stdout) == (0, "")
    assert checked.stderr == "Semua 0 rekaman lolos pemeriksaan.\n"


def test_new_archive_configuration(tmp_path: Path) -> None:
    target = tmp_path / "arsip"
    assert init(target, "--name", "MGMP Matematika", "--language", "en",
                "--site-url", "https://mgmp.example.id/").exit_code == 0
    config = yaml.load((target / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["site_name"] == "MGMP Matematika"
    assert config["site_url"] == "https://mgmp.example.id/"
    assert config["docs_dir"] == "content"
    settings, problems = load_settings(target)
    assert problems == []
    assert settings.language == "en"
    assert (target / "README.md").read_text().startswith("# MGMP Matematika\n")
    for line in (target / "published-ids.txt").read_text().splitlines():
        assert not line.strip() or line.startswith("#")
    assert "site/" in (target / ".gitignore").read_text()


@pytest.mark.parametrize("name", ['KKG "Maju" Jaya', "KKG \\ MI: #1", "Dua\nbaris", "{language}"])
def test_any_site_name_gives_a_valid_mkdocs_yml(tmp_path: Path, name: str) -> None:
    target = tmp_path / "arsip"
    assert init(target, "--name", name).exit_code == 0
    config = yaml.safe_load((target / "mkdocs.yml").read_text())
    assert config["site_name"] == " ".join(name.split())
    assert check(target).exit_code == 0


def test_site_name_defaults_to_the_folder_name(tmp_path: Path) -> None:
    target = tmp_path / "kkg-sd-tepi"
    assert init(target).exit_code == 0
    assert yaml.safe_load((target / "mkdocs.yml").read_text())["site_name"] == "kkg-sd-tepi"


def test_non_empty_folder_is_refused_with_exit_2(tmp_path: Path) -> None:
    target = tmp_path / "arsip"
    target.mkdir()
    (target / "catatan.txt").write_text("milik pengguna\n")
    result = init(target)
    assert result.exit_code == 2
    assert result.stderr == f"jejak init: {target} sudah berisi berkas / is not empty\n"
    assert [p.name for p in target.iterdir()] == ["catatan.txt"]
    assert (target / "catatan.txt").read_text() == "milik pengguna\n"


def test_an_existing_archive_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "arsip"
    assert init(target, "--name", "Pertama").exit_code == 0
    before = (target / "mkdocs.yml").read_bytes()
    assert init(target, "--name", "Kedua").exit_code == 2
    assert (target / "mkdocs.yml").read_bytes() == before


def test_a_fresh_clone_holding_only_git_is_empty_enough(tmp_path: Path) -> None:
    target = tmp_path / "arsip"
    (target / ".git").mkdir(parents=True)
    assert init(target).exit_code == 0
    assert check(target).exit_code == 0


def test_site_url_must_be_https(tmp_path: Path) -> None:
    result = init(tmp_path / "arsip", "--site-url", "http://kkg.example.id/")
    assert result.exit_code == 2
    assert result.stderr == ("jejak init: --site-url harus diawali https:// / "
                             "must start with https://\n")
    assert not (tmp_path / "arsip").exists()


def test_a_new_archive_builds_at_once_and_says_what_site_url_is_for(tmp_path):
    """jejak init then jejak build: a site, and a clear word about the missing site_url."""
    import subprocess

    target = tmp_path / "baru"
    subprocess.run(["jejak", "init", str(target)], check=True, capture_output=True)
    built = subprocess.run(["jejak", "build", str(target)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (target / "site" / "index.html").is_file()
    assert (target / "site" / "cari" / "index.html").is_file()
    assert "site_url" in built.stderr and "mkdocs.yml" in built.stderr
    with_url = tmp_path / "dengan-url"
    subprocess.run(["jejak", "init", str(with_url), "--site-url", "https://kkg.example.id/"],
                   check=True, capture_output=True)
    built = subprocess.run(["jejak", "build", str(with_url)], capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (with_url / "site" / "feed.xml").is_file()
    assert (with_url / "site" / "oai.xml").is_file()
