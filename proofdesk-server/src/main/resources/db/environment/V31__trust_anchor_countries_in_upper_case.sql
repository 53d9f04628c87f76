-- Country codes of trust anchors as ICAO writes them (DE, not de), whatever case a certificate used.
UPDATE trust_anchors SET country = UPPER(country);
