"""Settings for the published site: absolute URLs on the site's own address.

The address is `url` in data/site.yaml (organizers write it there, not here); the
environment variable SAMMELAN_SITEURL, when set, takes its place (a staging copy, a CI
deploy). See the organizer guide, "Your site".
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# The pelicanconf beside this file, even when another project's was imported before
# (a test building a copy of the project in the same process).
sys.modules.pop("pelicanconf", None)

from pelicanconf import *  # noqa: E402,F403

RELATIVE_URLS = False
