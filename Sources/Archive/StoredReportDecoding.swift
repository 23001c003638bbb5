import Foundation
import OpsReport

/// Decodes a worker's report JSON for storage, `provenance` included (the store keeps each
/// value's page and box). The shape is checked as strictly as `ReportCoding.decode`.
public enum StoredReportDecoding {
    /// The report in `data`.
    /// - Throws: `DecodingError` when the JSON does not have the report's shape.
    public static func decode(_ data: Data) throws -> Report {
        try JSONDecoder().decode(Slim.self, from: data).report
    }

    struct Slim: Decodable {
        var report: Report
        enum K: String, CodingKey {
            case schemaVersion = "schema_version", source, period, reference, title, variant, narrative, drivers, helpdesk, website
            case partyStatistics = "party_statistics", votingGroups = "voting_groups", meetings
            case modificationStatus = "modification_status", missingSections = "missing_sections", findings, provenance
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: K.self)
            var r = Report(source: try c.decodeIfPresent(Source.self, forKey: .source) ?? Source(file: "", sha256: "", pages: 0),
                           variant: try c.decodeIfPresent(String.self, forKey: .variant) ?? "text")
            r.schemaVersion = try c.decodeIfPresent(String.self, forKey: .schemaVersion) ?? Report.currentSchemaVersion
            r.period = try c.decodeIfPresent(String.self, forKey: .period)
            r.reference = try c.decodeIfPresent(String.self, forKey: .reference)
            r.title = try c.decodeIfPresent(String.self, forKey: .title)
            r.narrative = try c.decodeIfPresent(Narrative.self, forKey: .narrative) ?? Narrative()
            r.drivers = try c.decodeIfPresent(Drivers.self, forKey: .drivers)
            r.helpdesk = try c.decodeIfPresent(Helpdesk.self, forKey: .helpdesk)
            r.website = try c.decodeIfPresent(Website.self, forKey: .website)
            r.partyStatistics = try c.decodeIfPresent(PartyStatistics.self, forKey: .partyStatistics)
            r.votingGroups = try c.decodeIfPresent([VotingGroup].self, forKey: .votingGroups)
            r.meetings = try c.decodeIfPresent([Meeting].self, forKey: .meetings)
            r.modificationStatus = try c.decodeIfPresent(ModificationStatus.self, forKey: .modificationStatus)
            r.missingSections = try c.decodeIfPresent([String].self, forKey: .missingSections) ?? []
            r.findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
            r.provenance = try c.decodeIfPresent([String: Provenance].self, forKey: .provenance) ?? [:]
            report = r
        }
    }
}
