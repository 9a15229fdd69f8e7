"""What `check_archive` accepts: inputs that look risky but are fine, and rules that combine."""

from __future__ import annotations

from archive_kit import BUDI, GROUP, IDS, PAPER, POSTER, PRODUCT, SESSION, SITI, ArchiveKit


def _codes(kit: ArchiveKit) -> list[tuple[str, int, str]]:
    return [(p[0], p[1], p[4]) for p in kit.problems()]


def test_bom_and_crlf_in_every_record_are_accepted(kit: ArchiveKit) -> None:
    for rel in (GROUP, SITI, BUDI, SESSION, PRODUCT, PAPER):
        kit.write(rel, b"\xef\xbb\xbf" + kit.read(rel).replace("\n", "\r\n").encode())
    assert kit.problems() == []


def test_a_crlf_record_reports_the_same_line_and_column(kit: ArchiveKit) -> None:
    kit.replace(SESSION, "format: webinar", "format: daring")
    lf = kit.problems()
    kit.write(SESSION, b"\xef\xbb\xbf" + kit.read(SESSION).replace("\n", "\r\n").encode())
    assert kit.problems() == lf
    assert [(p[1], p[2]) for p in lf] == [(4, 9)]


def test_renamed_record_with_moved_from_keeps_its_published_id(kit: ArchiveKit) -> None:
    kit.path(PRODUCT).rename(kit.path(PRODUCT.replace("poster-pecahan", "poster-pecahan-senilai")))
    kit.path(POSTER).parent.rename(kit.path(POSTER).parent.with_name("poster-pecahan-senilai"))
    assert _codes(kit) == [("published-ids.txt", 5, "J305")]
    kit.replace(PRODUCT.replace("poster-pecahan", "poster-pecahan-senilai"),
                "shows_students: false",
                "shows_students: false\nmoved_from: groups/kkg-contoh/products/poster-pecahan")
    assert kit.problems() == []


def test_withdrawn_record_without_files_is_a_valid_tombstone(kit: ArchiveKit) -> None:
    text = kit.read(PRODUCT)
    start, end = text.index("files:"), text.index("session:")
    kit.write(PRODUCT, text[:start] + "withdrawn: Poster memuat wajah siswa tanpa izin.\n"
              + text[end:])
    kit.remove(POSTER)
    assert kit.problems() == []
    result = kit.check()
    assert [r.withdrawn for r in result.records if r.kind == "product"] == [
        "Poster memuat wajah siswa tanpa izin."]


def test_a_published_record_may_not_point_to_a_withdrawn_one(kit: ArchiveKit) -> None:
    kit.replace(SESSION, "hours: 4", "hours: 4\nwithdrawn: Dibatalkan.")
    assert _codes(kit) == [(PRODUCT, 11, "J307")]
    kit.replace(PRODUCT, "shows_students: false", "shows_students: false\ndraft: true")
    assert _codes(kit) == [(PRODUCT, 13, "J308")]  # a draft may, but it was published before


def test_privacy_allow_in_mkdocs_yml_suppresses_public_numbers(kit: ArchiveKit) -> None:
    kit.replace(GROUP, "Kelompok kerja guru", "Sekretariat: HP 0812-3456-7890, surel "
                "kkg.contoh@kemenag.go.id, NIK 7372041203850001. Kelompok kerja guru")
    assert [p[4] for p in kit.problems()] == ["J502", "J508", "J502"]
    kit.configure(privacy_allow=["081234567890", "KKG.Contoh@kemenag.go.id"])
    assert [p[4] for p in kit.problems()] == ["J502"]
    kit.configure(privacy_allow=["081234567890", "kkg.contoh@kemenag.go.id", "7372041203850001"])
    assert kit.problems() == []


def test_public_identifiers_are_never_flagged_anywhere(kit: ArchiveKit) -> None:
    kit.replace(PAPER, "  pages: 12-20", "  pages: 1234-1256\n  issn: 2345-6789\n"
                "  isbn: 978-602-1234-56-7\n  doi: 10.1234/jgm.2025.1234567890123\n"
                "  volume: 2019202020212022")
    kit.replace(PAPER, "license: CC-BY-4.0\n---\n", "license: CC-BY-4.0\n---\n"
                "Terbit 2019-2020, hlm. 1234-1256, ISBN 978-602-1234-56-7, ISSN 2345-6789,\n"
                "DOI https://doi.org/10.1234/jgm.2025.1234567890123, ORCID penulis "
                "0000-0002-1825-0097.\n")
    kit.replace(BUDI, "orcid: 0000-0002-1825-0097", "orcid: https://orcid.org/0000-0002-1825-0097")
    assert kit.problems() == []


def test_prose_with_data_colon_and_file_names_starting_http_are_fine(kit: ArchiveKit) -> None:
    kit.replace(SESSION, "Peserta membahas", "Sumber data: rapor 2024. Teknik pengumpulan "
                "data : wawancara.\n\nPeserta membahas")
    kit.replace(PRODUCT, "file: poster.png", "file: httpposter.png")
    kit.path(POSTER).rename(kit.path(POSTER).with_name("httpposter.png"))
    assert kit.problems() == []


def test_a_broken_person_is_reported_once_not_at_every_reference(kit: ArchiveKit) -> None:
    kit.replace(SITI, "consent: true", "consent: true\n  bad: [indent")
    assert _codes(kit) == [(SITI, 6, "J101")]


def test_records_in_drafts_may_point_to_drafts(kit: ArchiveKit) -> None:
    kit.write("published-ids.txt", "\n".join(i for i in IDS if "sessions" not in i
                                             and "products" not in i) + "\n")
    kit.replace(SESSION, "hours: 4", "hours: 4\ndraft: true")
    kit.replace(PRODUCT, "shows_students: false", "shows_students: false\ndraft: true")
    assert kit.problems() == []
    assert set(kit.check().archive().drafts) == {
        "groups/kkg-contoh/sessions/webinar-pecahan", "groups/kkg-contoh/products/poster-pecahan"}


def test_check_needs_no_mkdocs_yml_nor_registry(kit: ArchiveKit) -> None:
    kit.remove("mkdocs.yml")
    kit.remove("published-ids.txt")
    assert kit.problems() == []


def test_only_true_is_consent(kit: ArchiveKit) -> None:
    kit.replace(SITI, "consent: true", "consent: yes")
    kit.replace(BUDI, "consent: true\n", "")
    assert [(p[0], p[4], p[5]) for p in kit.problems()] == [
        (BUDI, "J202", "consent"), (SITI, "J203", "consent")]


def test_every_problem_of_every_file_in_one_run(kit: ArchiveKit) -> None:
    kit.replace(SESSION, "format: webinar", "format: daring")
    kit.replace(SESSION, "date: 2025-03-14", "date: 2025-13-01")
    kit.replace(SESSION, "hours: 4", "hours: empat\nnik: '7372041203850001'")
    kit.replace(PRODUCT, "authors: [siti-aminah]", "authors: [siti]")
    kit.replace(BUDI, "0000-0002-1825-0097", "0000-0002-1825-0098")
    kit.remove(PAPER)
    assert _codes(kit) == [
        (PRODUCT, 4, "J301"),
        (SESSION, 3, "J205"),
        (SESSION, 4, "J204"),
        (SESSION, 9, "J203"),
        (SESSION, 10, "J501"),
        (BUDI, 5, "J208"),
        ("published-ids.txt", 3, "J305"),
    ]


def test_images_verified_by_a_build_are_still_checked_against_their_new_name(kit, tmp_path,
                                                                              monkeypatch):
    """The verified-image cache is keyed by content *and* the format the name promises."""
    from archive_kit import POSTER, PRODUCT

    from jejak.validate import check_archive

    monkeypatch.setenv("JEJAK_CACHE_DIR", str(tmp_path / "cache"))
    assert not check_archive(kit.root, remember=True).errors
    assert list((tmp_path / "cache").glob("verified-images-*.txt"))
    kit.write(POSTER.replace("poster.png", "poster.jpg"), kit.path(POSTER).read_bytes())
    kit.remove(POSTER)
    kit.replace(PRODUCT, "poster.png", "poster.jpg")
    codes = [p.code for p in check_archive(kit.root).problems]
    assert "J407" in codes


def test_check_never_trusts_a_cache_inside_the_archive(kit, tmp_path, monkeypatch):
    """A list of 'verified' hashes committed into the archive is not read."""
    import hashlib

    from archive_kit import POSTER

    from jejak.validate import check_archive

    monkeypatch.setenv("JEJAK_CACHE_DIR", str(tmp_path / "cache"))
    kit.write(POSTER, kit.path(POSTER).read_bytes()[:60])  # truncated PNG
    digest = hashlib.sha256(kit.path(POSTER).read_bytes()).hexdigest()
    for name in ("verified-images-v2-50000000.txt", "verified-images-v1-50000000.txt"):
        kit.write(f".cache/jejak/{name}", f"{digest}\n{digest}:PNG\n")
    codes = [p.code for p in check_archive(kit.root).problems]
    assert "J411" in codes or "J407" in codes


def test_parallel_loading_finds_exactly_what_sequential_loading_finds(kit, monkeypatch):
    """Large archives are read on every core; the problems and records must not change."""
    from archive_kit import SESSION

    import jejak.validate as validate

    kit.replace(SESSION, "hours: 4", "hours: empat")  # one schema error among good records
    sequential = validate.check_archive(kit.root)
    monkeypatch.setattr(validate, "PARALLEL_LOAD", 1)
    parallel = validate.check_archive(kit.root)
    assert [p.message("en") for p in parallel.problems] == \
        [p.message("en") for p in sequential.problems]
    assert any(p.code == "J203" for p in parallel.problems)
    assert [r.id for r in parallel.records] == [r.id for r in sequential.records]
