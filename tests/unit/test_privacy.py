"""The privacy gate as pure functions: what a run of digits looks like, and what a text holds."""

from __future__ import annotations

import pytest

from jejak.config import settings_from
from jejak.privacy import NIK, NIP, NPK, PHONE, classify, scan


@pytest.mark.parametrize(
    ("digits", "plus", "expected"),
    [
        ("081234567890", False, PHONE),
        ("0812345678", False, PHONE),  # 10 digits, the shortest mobile number
        ("0812345678901", False, PHONE),  # 13 digits, the longest
        ("6281234567890", False, PHONE),
        ("6281234567", True, PHONE),
        ("198503142010012005", False, NIP),  # born 1985-03-14
        ("199912312022031001", False, NIP),
        ("7372041203850001", False, NIK),
        ("1234567890123456", False, NIK),  # NUPTK has the same shape
        ("1234567890123", False, NPK),
        # not personal numbers
        ("081234567", False, None),  # too short for a phone
        ("08123456789012", False, None),  # too long for a phone
        ("198513452010012005", False, None),  # 18 digits, month 13: no birth date
        ("203003142010012005", False, None),  # born 2030: no civil servant yet
        ("2019202020212022", False, None),  # four years side by side
        ("9786021234567", False, None),  # an ISBN-13 without dashes
        ("9796021234567", False, None),
        ("12345678901", False, None),
        ("1234567890", False, None),
    ],
)
def test_classify(digits: str, plus: bool, expected) -> None:
    assert classify(digits, plus) == expected


def _hits(text: str, allow: frozenset[str] = frozenset()):
    return [(text[h.start:h.start + len(h.value)], h.value, h.what, h.near_keyword)
            for h in scan(text, allow)]


@pytest.mark.parametrize(
    ("text", "value", "what", "keyword"),
    [
        ("NIK 7372041203850001", "7372041203850001", NIK, True),
        ("nik: 7372 0412 0385 0001", "7372 0412 0385 0001", NIK, True),
        ("NUPTK 1234-5678-9012-3456", "1234-5678-9012-3456", NIK, True),
        ("NIP. 19850314 201001 2 005", "19850314 201001 2 005", NIP, True),
        ("NPK 1234567890123", "1234567890123", NPK, True),
        ("HP 0812-3456-7890", "0812-3456-7890", PHONE, True),
        ("WA: +62 812 3456 7890", "+62 812 3456 7890", PHONE, True),
        ("hubungi 0812 3456 7890", "0812 3456 7890", PHONE, True),
        ("ponsel 0812\u200b3456\u200b7890", "0812\u200b3456\u200b7890", PHONE, True),
        ("0812\u00a03456\u00a07890", "0812\u00a03456\u00a07890", PHONE, False),
        ("0812\u2060-3456-7890", "0812\u2060-3456-7890", PHONE, False),
        ("Data 7372041203850001 dari sekolah", "7372041203850001", NIK, False),
        ("Nomor 198503142010012005", "198503142010012005", NIP, False),
        ("kirim ke https://wa.me/6281234567890", "6281234567890", PHONE, True),
        ("[telepon](tel:081234567890)", "081234567890", PHONE, True),
    ],
)
def test_scan_finds_personal_numbers(text: str, value: str, what, keyword) -> None:
    assert _hits(text) == [(value, value, what, keyword)]


def test_a_keyword_counts_only_shortly_before_the_number() -> None:
    far = "NIK disebut di awal kalimat yang panjang sekali ini, lalu 7372041203850001"
    assert [h.near_keyword for h in scan(far)] == [False]
    assert [h.near_keyword for h in scan("NIK ibu: 7372041203850001")] == [True]


@pytest.mark.parametrize(
    "text",
    [
        "ISBN 978-602-1234-56-7",
        "ISBN: 978 602 1234 56 7",
        "ISBN-10 602-8519-93-9",
        "9786021234567",
        "ISSN 2345-6789",
        "ISSN: 1234-567X",
        "doi 10.1234/jgm.2025.1234567890123",
        "https://doi.org/10.31004/basicedu.v6i4.1234567890",
        "ORCID 0000-0002-1825-0097",
        "https://orcid.org/0000-0002-1825-0097",
        "tahun 2019 2020 2021 2022",
        "2019-2020-2021-2022",
        "pada 2024-2025",
        "hlm. 123-145",
        "pp. 1001-1020",
        "halaman 12–20",
        "tanggal 2025-03-14",
        "kode wilayah 73.72",
        "Rp 1.500.000.000",
        "https://sinta.kemdikbud.go.id/authors/profile/6012345678901",
        "https://www.youtube.com/watch?v=1234567890123456",
        "NPSN 40312345",
        "SK nomor 800/1234/2023",
        "",
        "tanpa angka sama sekali",
    ],
)
def test_public_identifiers_years_and_page_ranges_are_never_flagged(text: str) -> None:
    assert list(scan(text)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("surel siti.aminah@gmail.com.", "siti.aminah@gmail.com"),
        ("Budi <budi_s+kkg@madrasah.sch.id>", "budi_s+kkg@madrasah.sch.id"),
        ("[tulis](mailto:kkg@kemenag.go.id)", "kkg@kemenag.go.id"),
    ],
)
def test_scan_finds_e_mail_addresses(text: str, value: str) -> None:
    assert _hits(text) == [(value, value, None, True)]


@pytest.mark.parametrize("text", ["@siti_aminah di Instagram", "siti@madrasah", "a@b.c"])
def test_handles_and_partial_addresses_are_not_e_mail(text: str) -> None:
    assert list(scan(text)) == []


def test_allow_list_suppresses_numbers_and_addresses_in_any_spelling() -> None:
    settings, problems = settings_from(
        {"privacy_allow": ["(0421) 812-3456-789", "0812-3456-7890", "Sekretariat@KKG.example.id"]})
    assert problems == []
    text = "Kantor: HP 0812 3456 7890, surel sekretariat@kkg.example.id, NIK 7372041203850001"
    assert [h.value for h in scan(text, settings.privacy_allow)] == ["7372041203850001"]
    assert [h.value for h in scan(text)] == [
        "sekretariat@kkg.example.id", "0812 3456 7890", "7372041203850001"]
