from sammelan.render import urls


def test_hindi_at_root_english_under_en():
    assert urls.path("hi", "conclaves", "x") == "conclaves/x/"
    assert urls.path("en", "conclaves", "x") == "en/conclaves/x/"
    assert urls.path("hi") == "" and urls.path("en") == "en/"


def test_translation_keeps_the_path_after_the_prefix():
    assert urls.translate("conclaves/x/", "en") == "en/conclaves/x/"
    assert urls.translate("en/conclaves/x/", "hi") == "conclaves/x/"
    assert urls.translate("en/", "hi") == ""


def test_links_are_relative_in_preview_and_absolute_when_published():
    here = urls.Linker("en/speakers/a/")
    assert here("conclaves/x/") == "../../../conclaves/x/"
    assert urls.Linker("")("") == "./"
    assert urls.Linker("en/", "https://e.org/")("en/news/") == "https://e.org/en/news/"
    assert urls.file_of("en/") == "en/index.html"
