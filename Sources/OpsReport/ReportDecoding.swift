import Foundation

extension Report {
    /// Decodes a report. Lenient so that corpus truth files (which lack `schema_version`,
    /// `source`, `provenance`, `findings` and `missing_sections`) decode too: absent keys take
    /// empty defaults, and keys the model does not know (`producer`, `planted`) are ignored.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try c.decodeIfPresent(Source.self, forKey: .source) ?? Source(file: "", sha256: "", pages: 0),
                  variant: try c.decodeIfPresent(String.self, forKey: .variant) ?? "text")
        schemaVersion = try c.decodeIfPresent(String.self, forKey: .schemaVersion) ?? Report.currentSchemaVersion
        period = try c.decodeIfPresent(String.self, forKey: .period)
        reference = try c.decodeIfPresent(String.self, forKey: .reference)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        narrative = try c.decodeIfPresent(Narrative.self, forKey: .narrative) ?? Narrative()
        drivers = try c.decodeIfPresent(Drivers.self, forKey: .drivers)
        helpdesk = try c.decodeIfPresent(Helpdesk.self, forKey: .helpdesk)
        website = try c.decodeIfPresent(Website.self, forKey: .website)
        partyStatistics = try c.decodeIfPresent(PartyStatistics.self, forKey: .partyStatistics)
        votingGroups = try c.decodeIfPresent([VotingGroup].self, forKey: .votingGroups)
        meetings = try c.decodeIfPresent([Meeting].self, forKey: .meetings)
        modificationStatus = try c.decodeIfPresent(ModificationStatus.self, forKey: .modificationStatus)
        missingSections = try c.decodeIfPresent([String].self, forKey: .missingSections) ?? []
        provenance = try c.decodeIfPresent([String: Provenance].self, forKey: .provenance) ?? [:]
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
    }
}
