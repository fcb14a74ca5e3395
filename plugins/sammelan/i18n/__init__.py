"""Languages: interface catalogs, labels of the fixed choices, dates and times by Babel."""
