"""The seeded content (tests/fixtures/seeded/), built: every page of the URL table, with
the seeds' facts."""

from __future__ import annotations

import pytest
from conftest import build_into, parse, text_of

CONCLAVES = ["msme-defence-conclave-2026", "msme-for-bharat-jhansi-2025",
             "msme-cluster-workshop-shimla-2025", "ramp-awareness-parwanoo-2025"]
PREFIXES = {"hi": "", "en": "en/"}


def page(site_dir, lang, *parts):
    path = site_dir / PREFIXES[lang] / "/".join(parts) / "index.html"
    assert path.exists(), path
    return path


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_every_page_of_the_url_table_exists(site_dir, lang):
    page(site_dir, lang)
    page(site_dir, lang, "speakers")
    page(site_dir, lang, "schemes")
    page(site_dir, lang, "news")
    for slug in CONCLAVES:
        page(site_dir, lang, "conclaves", slug)
    for slug in ["sanjay-seth", "rakesh-bala", "varun-sharma"]:
        page(site_dir, lang, "speakers", slug)
    for slug in ["idex", "make-project", "odop", "mse-cdp", "greening-of-msmes", "spice",
                 "gift", "ramp"]:
        page(site_dir, lang, "schemes", slug)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_html_lang_is_the_page_language(site_dir, lang):
    root = site_dir / PREFIXES[lang] if lang != "hi" else site_dir
    pages = [p for p in root.rglob("index.html") if lang != "hi" or "/en/" not in str(p)]
    assert len(pages) > 30
    for path in pages:
        assert parse(path).get("lang") == lang, path


JAMSHEDPUR = {
    "hi": ["एमएसएमई डिफेंस कॉन्क्लेव 2026", "16–17 जनवरी 2026", "शुक्रवार, 16 जनवरी 2026",
           "आदित्यपुर ऑटो क्लस्टर", "झारखंड", "संजय सेठ", "रक्षा राज्य मंत्री", "मुख्य अतिथि",
           "भारत चैंबर ऑफ कॉमर्स", "नोडल एजेंसी", "भारत अर्थ मूवर्स लिमिटेड",
           "नोडल रक्षा सार्वजनिक उपक्रम", "iDEX", "50 स्टॉल", "संभावित (अभी पुष्टि नहीं)",
           "हिंदुस्तान एरोनॉटिक्स लिमिटेड", "समय की घोषणा होनी है", "अरूप राहा"],
    "en": ["MSME Defence Conclave 2026", "16–17 January 2026", "Friday, 16 January 2026",
           "Adityapur Auto Cluster", "Jharkhand", "Sanjay Seth", "Minister of State for Defence",
           "Chief guest", "Bharat Chamber of Commerce", "Nodal agency", "Bharat Earth Movers",
           "Nodal defence PSU", "iDEX", "50 stalls", "Likely (not yet confirmed)",
           "Hindustan Aeronautics Limited", "Time to be announced", "Arup Raha"],
}
JHANSI = {
    "hi": ["19 सितंबर 2025", "दोपहर 3:00 – शाम 6:00 भारतीय समय", "होटल लेमन ट्री",
           "सिविल लाइन", "झांसी", "अमर उजाला", "ODOP"],
    "en": ["19 September 2025", "3:00 – 6:00 pm IST", "Hotel Lemon Tree", "Civil Lines",
           "Jhansi", "Amar Ujala", "ODOP"],
}
SHIMLA = {
    "hi": ["27 सितंबर 2025", "शोघी", "उद्योग विभाग", "संजय कंवर", "MSE-CDP", "RAMP",
           "SPICE", "GIFT", "वरुण शर्मा", "नैबकॉन्स"],
    "en": ["27 September 2025", "Shoghi", "Department of Industries", "Sanjay Kanwar",
           "MSE-CDP", "RAMP", "SPICE", "GIFT", "Varun Sharma", "NABCONS"],
}
PARWANOO = {
    "hi": ["21 नवंबर 2025", "परवाणू", "सोलन", "राकेश बाला", "RAMP"],
    "en": ["21 November 2025", "Parwanoo", "Solan", "Rakesh Bala", "RAMP", "Industry 4.0"],
}
FACTS = {"msme-defence-conclave-2026": JAMSHEDPUR, "msme-for-bharat-jhansi-2025": JHANSI,
         "msme-cluster-workshop-shimla-2025": SHIMLA, "ramp-awareness-parwanoo-2025": PARWANOO}


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("slug", CONCLAVES)
def test_conclave_page_states_the_reported_facts(site_dir, slug, lang):
    text = text_of(page(site_dir, lang, "conclaves", slug))
    missing = [fact for fact in FACTS[slug][lang] if fact not in text]
    assert not missing, f"{slug} ({lang}) lacks {missing}"


def listed(tree, section: str) -> list[tuple[str, str]]:
    """(slug, first day) of each conclave card in a section of the home page, in order."""
    cards = tree.get_element_by_id(section).getparent().find_class("card")
    return [(card.find(".//h3/a").get("href").rstrip("/").rsplit("/", 1)[1],
             card.find(".//time").get("datetime")) for card in cards]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_home_lists_upcoming_before_past_and_the_past_newest_first(site_dir, lang):
    tree = parse(page(site_dir, lang))
    headings = [h.get("id") for h in tree.iter("h2") if h.get("id") in ("upcoming", "past")]
    assert headings == ["upcoming", "past"]
    assert listed(tree, "upcoming") == [("msme-defence-conclave-2026", "2026-01-16")]
    assert listed(tree, "past") == [("ramp-awareness-parwanoo-2025", "2025-11-21"),
                                    ("msme-cluster-workshop-shimla-2025", "2025-09-27"),
                                    ("msme-for-bharat-jhansi-2025", "2025-09-19")]


def test_language_switch_leads_to_the_same_page(site_dir):
    hi = parse(page(site_dir, "hi", "conclaves", CONCLAVES[0]))
    switch = hi.find_class("language")[0]
    assert switch.get("href") == "../../en/conclaves/msme-defence-conclave-2026/"
    assert switch.get("lang") == "en"
    en = parse(page(site_dir, "en", "conclaves", CONCLAVES[0]))
    back = en.find_class("language")[0].get("href")
    assert back == "../../../conclaves/msme-defence-conclave-2026/"


def test_speaker_page_lists_sessions_across_conclaves(site_dir):
    text = text_of(page(site_dir, "en", "speakers", "sanjay-seth"))
    assert "Minister of State for Defence" in text
    assert "Inauguration" in text and "MSME Defence Conclave 2026" in text


def test_scheme_page_lists_the_conclaves_that_discuss_it(site_dir):
    text = text_of(page(site_dir, "en", "schemes", "ramp"))
    assert "Parwanoo" in text and "Shimla" in text


def test_news_item_is_dated_and_linked_to_its_conclave(site_dir):
    tree = parse(page(site_dir, "en", "news", "msme-defence-conclave-jharkhand-first"))
    text = " ".join(tree.text_content().split())
    assert "3 January 2026" in text
    links = [a.get("href") for a in tree.iter("a")]
    assert "../../../en/conclaves/msme-defence-conclave-2026/" in links


def test_map_link_uses_coordinates_when_known_else_the_address(project, tmp_path, site_dir):
    tree = parse(page(site_dir, "en", "conclaves", "msme-defence-conclave-2026"))
    [search] = [a.get("href") for a in tree.iter("a") if "openstreetmap" in a.get("href")]
    assert search.startswith("https://www.openstreetmap.org/search?query=Adityapur")
    venue = project / "data/venues/adityapur-auto-cluster.yaml"
    venue.write_text(venue.read_text(encoding="utf-8") + "geo: {lat: 22.78, lon: 86.17}\n",
                     encoding="utf-8")
    assert build_into(tmp_path / "out", root=project) == 0
    built = parse(tmp_path / "out/en/conclaves/msme-defence-conclave-2026/index.html")
    [link] = [a.get("href") for a in built.iter("a") if "openstreetmap" in a.get("href")]
    assert link.startswith("https://www.openstreetmap.org/?mlat=22.78&mlon=86.17")
