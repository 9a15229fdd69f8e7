"""/oai.xml: an OAI-PMH static repository valid against the schemas kept offline in tests/xsd/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from jejak.generate import harvest, outputs
from jejak.validate import check_archive

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "citable"
XSD = Path(__file__).resolve().parents[1] / "xsd"
OAI = "http://www.openarchives.org/OAI/2.0/"
SR = "http://www.openarchives.org/OAI/2.0/static-repository"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
NS = {"oai": OAI, "sr": SR, "oai_dc": OAI_DC, "dc": DC}
LOCAL = {  # schemaLocation → the offline copy
    "http://www.openarchives.org/OAI/2.0/static-repository.xsd": "static-repository.xsd",
    "http://www.openarchives.org/OAI/2.0/OAI-PMH-static-repository.xsd":
        "OAI-PMH-static-repository.xsd",
    "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd": "OAI-PMH.xsd",
    "http://www.openarchives.org/OAI/2.0/oai_dc.xsd": "oai_dc.xsd",
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": "simpledc20021212.xsd",
}


def _offline(uri: str) -> str:
    name = LOCAL.get(uri)
    return str(XSD / name) if name else uri


def _schema(main: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(XSD / main), uri_mapper=_offline, allow="local",
                               locations=[(OAI_DC, str(XSD / "oai_dc.xsd"))])


@pytest.fixture(scope="module")
def static_schema():
    return _schema("static-repository.xsd")


@pytest.fixture(scope="module")
def oai_pmh_schema():
    return _schema("OAI-PMH.xsd")


@pytest.fixture(scope="module")
def loaded():
    result = check_archive(FIXTURE)
    assert not result.errors
    return result.archive(), result.settings


@pytest.fixture(scope="module")
def files(loaded):
    archive, settings = loaded
    return outputs.site_files(archive, settings, FIXTURE)


def as_response(repository: etree._Element) -> etree._Element:
    """The records of a static repository as the OAI-PMH ListRecords response a gateway serves."""
    response = etree.Element(f"{{{OAI}}}OAI-PMH", nsmap={None: OAI})
    etree.SubElement(response, f"{{{OAI}}}responseDate").text = "2025-10-01T00:00:00Z"
    request = etree.SubElement(response, f"{{{OAI}}}request", verb="ListRecords",
                               metadataPrefix="oai_dc")
    request.text = "https://gateway.example.org/oai"
    listing = etree.SubElement(response, f"{{{OAI}}}ListRecords")
    for record in repository.iterfind("sr:ListRecords/oai:record", NS):
        listing.append(etree.fromstring(etree.tostring(record)))
    return response


def test_oai_xml_is_a_valid_static_repository(files, static_schema):
    static_schema.validate(etree.fromstring(files["oai.xml"]))


def test_its_records_are_valid_oai_pmh_with_oai_dc(files, oai_pmh_schema):
    oai_pmh_schema.validate(as_response(etree.fromstring(files["oai.xml"])))


def test_the_schemas_reject_what_a_static_repository_may_not_hold(files, static_schema):
    for mutate in (
        lambda r: etree.SubElement(r.find(".//oai:header", NS), f"{{{OAI}}}setSpec"),
        lambda r: r.find(".//oai:header", NS).set("status", "deleted"),
        lambda r: r.find(".//oai:deletedRecord", NS).__setattr__("text", "persistent"),
        lambda r: r.find(".//oai:datestamp", NS).__setattr__("text", "2025-01-01T00:00:00Z"),
        lambda r: r.find(".//dc:title", NS).getparent().append(
            etree.Element(f"{{{DC}}}judul")),
    ):
        repository = etree.fromstring(files["oai.xml"])
        mutate(repository)
        assert not static_schema.is_valid(repository)


def test_every_published_record_is_there_with_oai_dc(loaded, files):
    archive, _ = loaded
    repository = etree.fromstring(files["oai.xml"])
    identifiers = [e.text for e in repository.iterfind(".//oai:header/oai:identifier", NS)]
    published = [r for r in archive.records.values() if not r.withdrawn]
    assert identifiers == sorted(f"oai:arsip.contoh.id:{r.id}" for r in published)
    assert not any("karya-ditarik" in i or "draf-modul" in i for i in identifiers)
    identify = repository.find("sr:Identify", NS)
    assert identify.findtext("oai:repositoryName", namespaces=NS) == "Arsip KKG Contoh"
    assert identify.findtext("oai:baseURL", namespaces=NS) == "https://arsip.contoh.id/oai.xml"
    assert identify.findtext("oai:adminEmail", namespaces=NS) == "arsip@contoh.id"
    assert identify.findtext("oai:deletedRecord", namespaces=NS) == "no"
    ptk = next(r for r in repository.iterfind(".//oai:record", NS)
               if r.findtext(".//oai:identifier", namespaces=NS).endswith("ptk-pecahan"))
    dc = {}
    for element in ptk.find(".//oai_dc:dc", NS):
        dc.setdefault(etree.QName(element).localname, []).append(element.text)
    assert dc["title"] == ["Peningkatan Hasil Belajar Pecahan melalui Model Problem Based "
                           "Learning di Kelas IV"]
    assert dc["creator"] == ["Aminah, Siti", "Yusuf, Muhammad"]
    assert dc["type"] == ["Text", "info:eu-repo/semantics/report",
                          "Penelitian Tindakan Kelas"]
    assert dc["identifier"] == ["https://arsip.contoh.id/kelompok/kkg-contoh/publikasi/"
                                "ptk-pecahan/"]
    assert dc["date"] == ["2025-06-21"] and dc["format"] == ["application/pdf"]
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in dc["rights"]


def test_past_the_limit_the_archive_is_split_into_valid_static_repositories(loaded,
                                                                           static_schema):
    archive, settings = loaded
    parts = harvest.oai_repositories(archive, settings, "Arsip", "arsip@contoh.id",
                                     lambda record: None, limit=3)
    names = sorted(p for p in parts if p.endswith(".xml"))
    assert names == ["oai-2.xml", "oai-3.xml", "oai-4.xml", "oai.xml"]
    seen = []
    for name in names:
        repository = etree.fromstring(parts[name])
        static_schema.validate(repository)
        records = repository.findall(".//oai:record", NS)
        assert 1 <= len(records) <= 3
        seen += [r.findtext(".//oai:identifier", namespaces=NS) for r in records]
        base = repository.findtext(".//oai:baseURL", namespaces=NS)
        assert base == f"https://arsip.contoh.id/{name}"
    assert len(seen) == len(set(seen)) == len(harvest.oai_records(archive))
    index = json.loads(parts["data/oai-repositories.json"])
    assert index["limit"] == 3
    assert [r["url"] for r in index["repositories"]] == [
        "https://arsip.contoh.id/oai.xml", "https://arsip.contoh.id/oai-2.xml",
        "https://arsip.contoh.id/oai-3.xml", "https://arsip.contoh.id/oai-4.xml"]
    assert sum(r["records"] for r in index["repositories"]) == len(seen)


def test_the_default_limit_is_the_formats_5000():
    assert harvest.OAI_LIMIT == 5000


def test_a_gateway_base_url_is_prefixed(loaded):
    archive, settings = loaded
    parts = harvest.oai_repositories(archive, settings, "Arsip", "arsip@contoh.id",
                                     lambda record: None, gateway="https://gw.example.org/sr/")
    repository = etree.fromstring(parts["oai.xml"])
    assert repository.findtext(".//oai:baseURL", namespaces=NS) == (
        "https://gw.example.org/sr/arsip.contoh.id/oai.xml")
