"""The LA explorer in the release: la/index.html (every LA, sortable and filterable), one
page la/<GSS code>.html for each LA (the former ones too), and data/la_profiles.csv."""
