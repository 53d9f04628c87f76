package dev.proofdesk.passport.sanctions;

import java.util.List;
import java.util.Set;

/**
 * What reading an SDN.XML file produced.
 *
 * @param entries the listed individuals
 * @param unmappedCountries country names, sorted, the list uses that have no ICAO code here; a passport
 *     listed under one of them is left out of number screening rather than matched loosely
 */
public record SdnFile(List<SanctionsEntry> entries, Set<String> unmappedCountries) {
    public SdnFile {
        entries = List.copyOf(entries);
        unmappedCountries = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(unmappedCountries));
    }
}
