import TableLayout

/// Finds a report section's table by the words of its caption, never by its number or position.
public enum SectionLocator {
    /// A section and the words its caption must contain (all of them, case-insensitive).
    public struct Section: Sendable {
        /// JSON key of the section, e.g. `"helpdesk"`.
        public var key: String
        /// Alternative sets of caption words; any set whose words all occur matches.
        public var captionWords: [[String]]
        /// Whether the body is a chart rather than a table (looser gap limits).
        public var isFigure: Bool = false
    }

    public static let drivers = Section(key: "drivers", captionWords: [["effort", "driver"], ["days", "driver"]])
    public static let helpdesk = Section(key: "helpdesk", captionWords: [["helpdesk"], ["help desk"]])
    public static let website = Section(key: "website", captionWords: [["website", "statistic"], ["website", "usage", "table"]])
    public static let partyStatistics = Section(key: "party_statistics", captionWords: [["party", "statistic"], ["membership", "statistic"]])
    public static let meetings = Section(key: "meetings", captionWords: [["meeting"]])
    public static let votingGroups = Section(key: "voting_groups", captionWords: [["voting", "group"]], isFigure: true)
    public static let modificationStatus = Section(key: "modification_status", captionWords: [["modification", "status"]])

    /// The caption line of `section`: a "Table n:"/"Figure n:" line containing the caption words.
    /// Table sections prefer "Table" captions, figure sections "Figure" captions.
    public static func caption(of section: Section, in doc: DocumentLayout) -> LineRef? {
        var candidates: [(LineRef, TextLine)] = []
        for (ref, line) in doc.allLines {
            let t = line.text.lowercased()
            guard TableRegionFinder.isCaption(line.text.trimmingWhitespace) else { continue }
            if section.captionWords.contains(where: { set in set.allSatisfy { t.contains($0) } }) { candidates.append((ref, line)) }
        }
        let preferred = section.isFigure ? "figure" : "table"
        return (candidates.first { $0.1.text.lowercased().hasPrefix(preferred) } ?? candidates.first)?.0
    }

    /// The first table region of `section` that `parse` can read (the body above the caption,
    /// then the one below), with what it read; `nil` when no caption names the section or
    /// neither side parses.
    public static func read<T>(_ section: Section, in doc: DocumentLayout, _ parse: (TableRegion) -> T?) -> (TableRegion, T)? {
        guard let ref = caption(of: section, in: doc) else { return nil }
        let limits = section.isFigure ? TableRegionFinder.Limits(maxGap: 12, crossPages: false) : .init()
        for region in TableRegionFinder.candidates(in: doc, captionRef: ref, limits: limits) {
            if let value = parse(region) { return (region, value) }
        }
        return nil
    }
}
